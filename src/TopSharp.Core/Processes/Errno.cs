using System.Runtime.InteropServices;

namespace TopSharp.Core.Processes;

/// <summary>errno values kill(2) and setpriority(2) return, with strerror text and the symbolic name (errno(3)).</summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ESRCH = 3;
    public const int EACCES = 13;
    public const int EINVAL = 22;

    /// <summary>"Operation not permitted (EPERM)"; an errno without a name here shows its number.</summary>
    public static string Describe(int errno)
    {
        string name = errno switch
        {
            EPERM => "EPERM",
            ESRCH => "ESRCH",
            EACCES => "EACCES",
            EINVAL => "EINVAL",
            _ => $"errno {errno}",
        };
        return $"{Marshal.GetPInvokeErrorMessage(errno)} ({name})";
    }
}

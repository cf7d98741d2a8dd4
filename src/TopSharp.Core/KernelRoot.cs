namespace TopSharp.Core;

/// <summary>
/// The filesystem root every reader reads below: "/" on a live machine, or a captured tree
/// (tests/fixtures/…, or <c>--root DIR</c>). No reader opens an absolute path of its own.
/// </summary>
public sealed record KernelRoot(string Path)
{
    public static KernelRoot Live { get; } = new("/");

    public bool IsLive => Path == "/";

    /// <summary>A path below <c>proc/</c>, e.g. <c>Proc("stat")</c> or <c>Proc("1/status")</c>.</summary>
    public string Proc(string relative) => System.IO.Path.Join(Path, "proc", relative);

    /// <summary>A path below <c>sys/</c>, e.g. <c>Sys("devices/system/node/online")</c>.</summary>
    public string Sys(string relative) => System.IO.Path.Join(Path, "sys", relative);

    /// <summary>
    /// A captured tree holding two snapshots, <c>t0/</c> and <c>t1/</c> (tests/fixtures, <c>--root</c>):
    /// those two roots, for rates between them; null for the live machine or a single tree.
    /// </summary>
    public (KernelRoot Older, KernelRoot Newer)? CapturedPair()
    {
        if (IsLive) return null;
        KernelRoot t0 = new(System.IO.Path.Join(Path, "t0")), t1 = new(System.IO.Path.Join(Path, "t1"));
        return Directory.Exists(t0.Proc("")) && Directory.Exists(t1.Proc("")) ? (t0, t1) : null;
    }

    /// <summary>A path below <c>etc/</c>, e.g. <c>Etc("passwd")</c>.</summary>
    public string Etc(string relative) => System.IO.Path.Join(Path, "etc", relative);
}

using System.Runtime.InteropServices;

namespace TopSharp.Bpf.Syscalls;

/// <summary>
/// Syscall number → name from the generated tables (scripts/gen-syscall-names.py); numbers a table lacks
/// show as <c>syscall_N</c>. Also the per-architecture facts syscalls.bpf.c is configured with.
/// </summary>
public static class SyscallNames
{
    private static readonly Lazy<string[]> s_x64 = new(() => SyscallTables.X64.Split(','));
    private static readonly Lazy<string[]> s_arm64 = new(() => SyscallTables.Arm64.Split(','));

    public static string Of(int nr) => Of(nr, RuntimeInformation.ProcessArchitecture);

    public static string Of(int nr, Architecture architecture)
    {
        string[]? names = architecture switch
        {
            Architecture.X64 => s_x64.Value,
            Architecture.Arm64 => s_arm64.Value,
            _ => null,
        };
        return names is not null && nr >= 0 && nr < names.Length && names[nr].Length > 0 ? names[nr] : $"syscall_{nr}";
    }

    /// <summary>
    /// Where sys_exit finds the syscall number: the offset in struct pt_regs of x86_64's orig_ax, arm64's
    /// syscallno (arch/*/include/asm/ptrace.h; x86_64 checked against this kernel's BTF), and the numbers
    /// of exit and exit_group, which never reach sys_exit.
    /// </summary>
    public static (uint NrOffset, uint Exit, uint ExitGroup) ArchFacts(Architecture architecture) => architecture switch
    {
        Architecture.X64 => (120, 60, 231),
        Architecture.Arm64 => (280, 93, 94),
        var other => throw new BpfException($"syscall tracing does not know {other}'s pt_regs", BpfFailure.NotSupported),
    };
}

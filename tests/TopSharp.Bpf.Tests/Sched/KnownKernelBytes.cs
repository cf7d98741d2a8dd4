using System.Buffers.Binary;
using System.Globalization;
using TopSharp.Testing;

namespace TopSharp.Bpf.Tests.Sched;

/// <summary>
/// Kernel addresses whose bytes a test knows, to stand in for <c>struct task_struct *next</c> in a
/// synthetic sched_switch context: the kernel's BTF lies in read-only data from <c>__start_BTF</c>
/// (/proc/kallsyms) to <c>__stop_BTF</c>, and /sys/kernel/btf/vmlinux serves exactly those bytes. So an
/// address A in it is a "task" whose pid, the 4 bytes at A + offsetof(task_struct, pid), the test can
/// read from the file: zero for the idle task, anything else for another task. The program reads them
/// with bpf_probe_read_kernel, as it reads a real task.
/// </summary>
internal sealed class KnownKernelBytes(ulong start, byte[] bytes)
{
    /// <summary>Skips (fails under TOPSHARP_REQUIRE_PRIVILEGED=1) when kallsyms hides addresses or the BTF file differs in size.</summary>
    public static KnownKernelBytes Find()
    {
        ulong? start = null, stop = null;
        foreach (string line in File.ReadLines("/proc/kallsyms"))
        {
            string[] f = line.Split(' ');
            if (f.Length < 3) continue;
            if (f[2] == "__start_BTF") start = ulong.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (f[2] == "__stop_BTF") stop = ulong.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        Requires.That(start is > 0 && stop > start, "needs __start_BTF/__stop_BTF in /proc/kallsyms with real addresses (root, kptr_restrict < 2)");
        byte[] bytes = File.ReadAllBytes("/sys/kernel/btf/vmlinux");
        Requires.That((ulong)bytes.Length == stop - start, $"/sys/kernel/btf/vmlinux ({bytes.Length} B) is not __start_BTF..__stop_BTF ({stop - start} B)");
        return new KnownKernelBytes(start!.Value, bytes);
    }

    /// <summary>An address whose "pid" reads 0: the idle task.</summary>
    public ulong IdleTask(int pidOffset) => Task(pidOffset, pid => pid == 0);

    /// <summary>An address whose "pid" reads non-zero: any other task.</summary>
    public ulong OtherTask(int pidOffset) => Task(pidOffset, pid => pid != 0);

    private ulong Task(int pidOffset, Func<int, bool> wanted)
    {
        for (int at = 0; at + pidOffset + 4 <= bytes.Length; at += 4)
            if (wanted(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + pidOffset)))) return start + (ulong)at;
        throw new InvalidOperationException("the kernel's BTF has no such 4 bytes");
    }
}

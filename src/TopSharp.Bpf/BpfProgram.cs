using System.Text;
using TopSharp.Bpf.Btf;
using TopSharp.Bpf.Native;

namespace TopSharp.Bpf;

/// <summary>A loaded (verified, JIT-compiled) program; nothing runs until it is attached.</summary>
public sealed unsafe class BpfProgram : IDisposable
{
    private const uint BPF_TRACE_RAW_TP = 23;
    private const int FirstLogSize = 1 << 20, LastLogSize = 16 << 20;

    private BpfProgram(BpfProgramSpec spec, BpfFd fd)
    {
        Spec = spec;
        Fd = fd;
    }

    public BpfProgramSpec Spec { get; }
    public BpfFd Fd { get; }
    public string Name => Spec.Name;

    /// <summary>
    /// Loads with log_level 0; on failure loads again with log_level 1 so the exception carries the
    /// verifier's reasons (the tail of its log). <paramref name="insns"/> must already hold the map fds.
    /// </summary>
    internal static BpfProgram Load(BpfProgramSpec spec, byte[] insns, string license)
    {
        uint attachBtfId = spec.Type == BpfProgramType.Tracing ? VmlinuxTracepointId(spec.AttachTo ?? "") : 0;
        byte[] licenseZ = BpfObjectSpec.Utf8Z(license);
        int fd = Load(spec, insns, licenseZ, attachBtfId, logLevel: 0, log: []);
        if (fd >= 0) return new BpfProgram(spec, new BpfFd(fd));
        int errno = -fd;
        if (errno is BpfSyscall.EPERM or BpfSyscall.ENOSYS)
            throw BpfException.FromErrno($"loading program {spec.Name}", errno);
        for (int size = FirstLogSize; size <= LastLogSize; size *= 4)
        {
            byte[] log = new byte[size];
            fd = Load(spec, insns, licenseZ, attachBtfId, logLevel: 1, log);
            if (fd >= 0) return new BpfProgram(spec, new BpfFd(fd)); // a transient failure the first time
            if (-fd == BpfSyscall.ENOSPC) continue; // the log did not fit
            string text = Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0)));
            string tail = string.Join('\n', text.TrimEnd().Split('\n').TakeLast(12));
            throw new BpfException($"the kernel refused program {spec.Name} ({spec.Section}): errno {-fd}\n{tail}",
                BpfFailure.Rejected, -fd, text);
        }
        throw BpfException.FromErrno($"loading program {spec.Name} (verifier log over {LastLogSize >> 20} MiB)", errno);
    }

    private static int Load(BpfProgramSpec spec, byte[] insns, byte[] license, uint attachBtfId, uint logLevel, byte[] log)
    {
        fixed (byte* i = insns, l = license, buf = log)
        {
            var attr = new ProgLoadAttr
            {
                ProgType = (uint)spec.Type, InsnCnt = (uint)(insns.Length / 8), Insns = (ulong)i, License = (ulong)l,
                LogLevel = logLevel, LogSize = (uint)log.Length, LogBuf = log.Length == 0 ? 0 : (ulong)buf,
                ExpectedAttachType = spec.Type == BpfProgramType.Tracing ? BPF_TRACE_RAW_TP : 0,
                AttachBtfId = attachBtfId,
            };
            KernelName.Write(spec.Name, new Span<byte>(attr.ProgName, 16));
            return BpfSyscall.Call(BpfCommand.ProgLoad, ref attr);
        }
    }

    /// <summary>tp_btf/X attaches to the BTF id of <c>typedef btf_trace_X</c> in the running kernel.</summary>
    private static uint VmlinuxTracepointId(string tracepoint)
    {
        BtfType? t = BtfTypes.Vmlinux().Find("btf_trace_" + tracepoint, BtfKind.Typedef);
        return t is null ? throw new BpfException($"this kernel's BTF has no tracepoint {tracepoint}") : (uint)t.Id;
    }

    /// <summary>
    /// Attaches through BPF_RAW_TRACEPOINT_OPEN (4.17+; no tracefs needed) to <paramref name="tracepoint"/>,
    /// by default the one its section names (raw_tp/sys_enter → sys_enter). Dispose the link to detach.
    /// </summary>
    public BpfLink AttachRawTracepoint(string? tracepoint = null)
    {
        string target = tracepoint ?? Spec.AttachTo ?? throw new BpfException($"{Name}: no tracepoint to attach to");
        byte[] name = BpfObjectSpec.Utf8Z(target);
        fixed (byte* n = name)
        {
            var attr = new RawTracepointOpenAttr { Name = Spec.Type == BpfProgramType.Tracing ? 0 : (ulong)n, ProgFd = (uint)Fd.Value };
            int fd = BpfSyscall.Call(BpfCommand.RawTracepointOpen, ref attr);
            if (fd < 0) throw BpfException.FromErrno($"attaching {Name} to raw tracepoint {target}", -fd);
            return new BpfLink(target, new BpfFd(fd));
        }
    }

    /// <summary>Runs the program once on <paramref name="context"/> (BPF_PROG_TEST_RUN; raw_tp: the u64 args) and returns its return value.</summary>
    public uint TestRun(ReadOnlySpan<byte> context)
    {
        fixed (byte* c = context)
        {
            var attr = new ProgTestRunAttr { ProgFd = (uint)Fd.Value, CtxIn = (ulong)c, CtxSizeIn = (uint)context.Length };
            int r = BpfSyscall.Call(BpfCommand.ProgTestRun, ref attr);
            if (r < 0) throw BpfException.FromErrno($"test run of {Name}", -r);
            return attr.Retval;
        }
    }

    public void Dispose() => Fd.Dispose();
}

/// <summary>An attachment: while this is open the program runs on every hit of the tracepoint.</summary>
public sealed class BpfLink(string target, BpfFd fd) : IDisposable
{
    public string Target { get; } = target;
    public BpfFd Fd { get; } = fd;
    public void Dispose() => Fd.Dispose();
}

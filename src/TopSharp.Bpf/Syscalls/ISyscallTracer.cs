namespace TopSharp.Bpf.Syscalls;

/// <summary>What the syscall pane needs of <see cref="SyscallTracer"/>, so its view model can be tested without the kernel.</summary>
public interface ISyscallTracer : IDisposable
{
    bool IsAttached { get; }
    bool Latency { get; set; }
    void Attach();
    void Detach();
    SyscallSnapshot Sample();
}

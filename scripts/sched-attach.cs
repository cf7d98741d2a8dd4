#:project ../src/TopSharp.Bpf/TopSharp.Bpf.csproj
// Attaches TopSharp's sched_switch program (src/TopSharp.Bpf/bpf/sched.bpf.c) alone, through TopSharp's
// own loader, prints "attached", and keeps it attached until SIGTERM or SIGINT: the "sched" section of
// scripts/bpf-overhead.sh (`topsharp --once` would attach the syscall programs as well). Root or
// CAP_BPF + CAP_PERFMON. Build: dotnet build scripts/sched-attach.cs -c Release -o DIR
using System.Runtime.InteropServices;
using TopSharp.Bpf;
using TopSharp.Bpf.Sched;

using var done = new ManualResetEventSlim();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; done.Set(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; done.Set(); });
try
{
    using SchedSwitchProbe probe = SchedSwitchProbe.Attach();
    Console.WriteLine("attached");
    done.Wait();
    return 0;
}
catch (Exception e) when (e is BpfException or IOException)
{
    Console.Error.WriteLine($"sched-attach: {e.Message}");
    return 1;
}

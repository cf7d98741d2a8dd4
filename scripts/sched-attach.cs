#:project ../src/TopSharp.Bpf/TopSharp.Bpf.csproj
// Attaches and detaches TopSharp's sched_switch program (src/TopSharp.Bpf/bpf/sched.bpf.c) through
// TopSharp's own loader, on command, for scripts/sched-overhead.sh: reads "attach" / "detach" lines
// on stdin and answers "attached" / "detached"; detaches and exits at end of input. Root or
// CAP_BPF + CAP_PERFMON. Usage: dotnet run --file scripts/sched-attach.cs
using TopSharp.Bpf.Sched;

SchedSwitchProbe? probe = null;
Console.WriteLine("ready");
try
{
    for (string? line; (line = Console.ReadLine()) is not null;)
    {
        switch (line.Trim())
        {
            case "attach":
                probe ??= SchedSwitchProbe.Attach();
                Console.WriteLine("attached");
                break;
            case "detach":
                probe?.Dispose();
                probe = null;
                Console.WriteLine("detached");
                break;
            default:
                Console.WriteLine($"unknown command: {line}");
                break;
        }
    }
}
catch (Exception e)
{
    Console.WriteLine($"error: {e.Message.Split('\n')[0]}");
    return 1;
}
finally
{
    probe?.Dispose();
}
return 0;

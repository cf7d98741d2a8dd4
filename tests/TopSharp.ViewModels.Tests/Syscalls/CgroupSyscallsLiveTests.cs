using System.Diagnostics;
using System.Runtime.InteropServices;
using TopSharp.Bpf.Syscalls;
using TopSharp.Bpf.Tests;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Core.Processes;
using TopSharp.Core.Sampling;
using TopSharp.Testing;
using TopSharp.ViewModels.Sampling;
using TopSharp.ViewModels.Syscalls;
using Xunit;

namespace TopSharp.ViewModels.Tests.Syscalls;

/// <summary>
/// A real cgroup v2 child on this machine (root) holding tests/native/syscaller, and another syscaller outside it, both
/// traced by the real syscall programs: the cgroup's rows count the first one's getppid calls and not the second's.
/// Both exit before the closing process sample, so each is judged by the sample that last saw it, as in the pane.
/// Each test kills its children before removing its group (<see cref="LiveCgroups"/>), also when it fails.
/// </summary>
public sealed class CgroupSyscallsLiveTests : IDisposable
{
    private const int GetppidX64 = 110;
    private readonly List<Process> _children = [];
    private readonly LiveCgroups _groups = new();

    [SkippableFact]
    public void A_cgroup_counts_the_getppid_calls_of_its_member_and_not_those_of_a_process_outside()
    {
        Requires.Root("creates a cgroup and attaches syscalls.bpf.o");
        Skip.IfNot(RuntimeInformation.ProcessArchitecture == Architecture.X64, "the syscall numbers asserted here are x86_64's");
        CgroupHierarchy? unified = LiveCgroups.Layout().Unified;
        Requires.That(unified is not null, "needs the unified (v2) hierarchy mounted");
        string path = LiveCgroups.UniquePath("-syscalls");
        string dir = _groups.Make(unified!, path);
        var group = new CgroupKey("unified", path);

        using SyscallTracer tracer = SyscallTracer.Open();
        tracer.Attach();
        using var sampler = new Sampler(KernelRoot.Live);
        Process inside = StartHeld(200_000, Path.Join(dir, "cgroup.procs"));
        Process outside = StartHeld(100_000, null);

        SystemSnapshot p0 = sampler.Sample(ProcessFiles.Cgroup);
        SyscallSnapshot s0 = tracer.Sample();
        foreach (Process child in _children) child.StandardInput.WriteLine("go");
        foreach (Process child in _children) Finish(child);
        SystemSnapshot p1 = sampler.Sample(ProcessFiles.Cgroup);
        SyscallSnapshot s1 = tracer.Sample();

        Assert.Equal(path, CgroupMembers.PathIn(p0.Processes.Single(p => p.Pid == inside.Id).Cgroup!, "unified"));
        var scope = new CgroupSyscallScope(group, p1.Processes, p0.Processes);
        GroupSyscallRates rates = GroupSyscallRates.Between(s0, s1, scope.Of);
        SyscallRate getppid = rates.BySyscall.Single(r => r.Nr == GetppidX64);
        Assert.InRange(getppid.Count, 199_000UL, 201_000UL);             // ± 0.5 %: the member's, without the outsider's 100,000
        Assert.Equal([inside.Id], rates.Members);
        Assert.Equal(1, scope.Exited(rates.Members));
        Assert.Equal(Membership.Outside, scope.Of(outside.Id));
        Assert.InRange(s1.ByKey[new SyscallKey(outside.Id, GetppidX64)].Calls, 99_500UL, 100_500UL);   // it was traced, and left out

        SyscallsState state = SyscallsViewModel.Scoped(SyscallsState.Waiting, group, s0, s1, new Sample(p1, p0, null));
        Assert.StartsWith($"Cgroup {path}: 0 processes, 1 made syscalls (1 since exited)", state.SystemTitle);
        Assert.Equal("getppid", state.System[0].Name);
    }

    /// <summary>
    /// sh joins <paramref name="procs"/> (when given), says so, waits for a line, then execs syscaller under the same PID,
    /// so the process samples see it, in its group, before it makes its calls.
    /// </summary>
    private Process StartHeld(long getppids, string? procs)
    {
        string join = procs is null ? "" : "echo $$ > \"$3\" && ";
        var child = Process.Start(new ProcessStartInfo("/bin/sh",
            ["-c", join + "echo ready && read go && exec \"$1\" \"$2\"", "sh", NativeBuild.Executable("syscaller"), getppids.ToString(), procs ?? ""])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        _children.Add(child);
        Assert.Equal("ready", child.StandardOutput.ReadLine());
        return child;
    }

    private static void Finish(Process child)
    {
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.Equal(0, child.ExitCode);
    }

    /// <summary>Kill the children first (a group with a process cannot be removed), then rmdir the group.</summary>
    public void Dispose()
    {
        foreach (Process child in _children)
        {
            if (!child.HasExited)
            {
                child.Kill();
                child.WaitForExit();
            }
            child.Dispose();
        }
        _groups.Dispose();
    }
}

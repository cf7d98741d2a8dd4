using TopSharp.Bpf.Opens;
using TopSharp.Core;
using TopSharp.Core.Cgroups;
using TopSharp.Testing;
using Xunit;

namespace TopSharp.Bpf.Tests.Opens;

/// <summary>
/// The cgroup scope: its level from the path, and opens.bpf.o filtering by a real cgroup v2 (root): tests/native/opener
/// processes inside a new group (one in it, one in a child of it) and one outside, all opening at the same time.
/// </summary>
public sealed class OpensCgroupScopeTests : IDisposable
{
    private readonly LiveCgroups _groups = new();
    private readonly List<Opener> _openers = [];

    [Theory]
    [InlineData("/", 0)]
    [InlineData("/system.slice", 1)]
    [InlineData("/system.slice/ssh.service", 2)]
    [InlineData("/user.slice/user-0.slice/session-3.scope", 3)]
    public void The_level_is_the_depth_below_the_v2_root(string path, int level)
    {
        OpensScope scope = OpensScope.Cgroup(4242, path);
        Assert.Equal((OpensScopeKind.Cgroup, 4242UL, level, $"cgroup {path}"), (scope.Kind, scope.CgroupId, scope.CgroupLevel, scope.Title));
    }

    [SkippableFact]
    public void Only_the_opens_of_processes_in_the_group_and_its_descendants_arrive()
    {
        Requires.Root("creates a cgroup v2 and attaches opens.bpf.o");
        CgroupLayout layout = LiveCgroups.Layout();
        Requires.That(layout.Unified is not null, "needs the unified (v2) hierarchy mounted");
        CgroupHierarchy unified = layout.Unified!;
        string path = LiveCgroups.UniquePath("-opens");
        string dir = _groups.Make(unified, path), childDir = _groups.Make(unified, path + "/child");
        Opener inGroup = Start("/nonexistent/topsharp-in-group"), inChild = Start("/nonexistent/topsharp-in-child"),
            outside = Start("/nonexistent/topsharp-outside");
        Assert.True(CgroupControl.Instance.Move(inGroup.Pid, dir).Succeeded);
        Assert.True(CgroupControl.Instance.Move(inChild.Pid, childDir).Succeeded);
        Assert.True(UnifiedCgroup.TryResolve(KernelRoot.Live, unified, path, out UnifiedCgroup group, out string error), error);

        using OpensTracer tracer = OpensTracer.Start(OpensScope.Cgroup(group.Id, group.Path));
        Assert.Null(tracer.Unavailable);
        const int Calls = 500;
        foreach (Opener o in _openers) o.Open(Calls);
        var events = new List<OpenEvent>();
        for (int i = 0; i < 50 && events.Count < 2 * Calls; i++)
        {
            tracer.Wait(100);
            tracer.Drain(events);
        }
        tracer.Wait(100);
        tracer.Drain(events);   // anything beyond the expected count would show here

        Assert.Equal(0UL, tracer.Lost);
        Assert.Equal(Calls, events.Count(e => e.Pid == inGroup.Pid && e.Path == inGroup.Path && e.Errno == 2));
        Assert.Equal(Calls, events.Count(e => e.Pid == inChild.Pid && e.Path == inChild.Path && e.Errno == 2));
        Assert.DoesNotContain(events, e => e.Pid == outside.Pid || e.Path == outside.Path);
        Assert.Equal(2 * Calls, events.Count);
    }

    private Opener Start(string path)
    {
        var opener = new Opener(path);
        _openers.Add(opener);
        return opener;
    }

    /// <summary>The openers die first, so their groups can be removed.</summary>
    public void Dispose()
    {
        foreach (Opener o in _openers) o.Dispose();
        _groups.Dispose();
    }
}

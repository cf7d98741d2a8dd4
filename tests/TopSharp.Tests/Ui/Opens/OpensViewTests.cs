using System.Runtime.InteropServices;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TopSharp.Bpf.Opens;
using TopSharp.Ui.Opens;
using TopSharp.ViewModels.Opens;
using Xunit;

namespace TopSharp.Tests.Ui.Opens;

/// <summary>The opens view on the headless driver, fed synthetic events.</summary>
[Collection(TerminalGuiCollection.Name)]
public class OpensViewTests
{
    private sealed class ListSource(string? unavailable = null) : IOpenEventSource
    {
        public readonly List<OpenEvent> Waiting = [];
        public string? Unavailable => unavailable;
        public ulong Lost => 2;

        public int Drain(List<OpenEvent> into)
        {
            into.AddRange(Waiting);
            int n = Waiting.Count;
            Waiting.Clear();
            return n;
        }

        public void Dispose() { }
    }

    private static OpenEvent Open(string path, long result, ulong flags = 0) =>
        new(new DateTimeOffset(2026, 11, 26, 12, 0, 1, TimeSpan.Zero), 0, 4242, 4242, result, flags, 257, "poller", path, 0, false);

    private static (Harness, OpensViewModel, OpensView, Runnable) Show(ListSource source, int width, int height)
    {
        var h = new Harness(width, height);
        var time = new FakeTimeProvider();
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var vm = new OpensViewModel(source, "PID 4242 (poller)", time, TimeSpan.FromSeconds(1), Architecture.X64);
        vm.Refresh();
        var view = new OpensView(vm, null) { Width = Dim.Fill(), Height = Dim.Fill() };
        var top = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(view);
        h.Show(top);
        view.SetFocus();
        return (h, vm, view, top);
    }

    private static ListSource Events()
    {
        var source = new ListSource();
        source.Waiting.AddRange([Open("/etc/hostname", 3, 0x80000), Open("/etc/shadow", -13), Open("/etc/app/\x1b[31mconf", -2)]);
        return source;
    }

    [Theory]
    [InlineData(200, 50)]
    [InlineData(80, 24)]
    [InlineData(20, 6)]
    public void Draws_at_every_size_with_escaped_paths_and_no_control_characters(int width, int height)
    {
        var (h, vm, _, top) = Show(Events(), width, height);
        using (h)
        using (vm)
        {
            string[] lines = h.Lines();
            Assert.All(lines, l => Assert.True(l.Length <= width && !l.Any(char.IsControl), l));
            Assert.StartsWith("Opens of PID", lines[0]);
            if (width >= 80)
            {
                Assert.Equal("Opens of PID 4242 (poller) │ 3 opens, 2 failed, 2 lost", lines[0]);
                Assert.Equal("TIME             PID COMM            RESULT FLAGS              PATH", lines[1]);
                Assert.Equal("12:00:01.000    4242 poller          3      O_RDONLY|O_CLOEXEC /etc/hostname", lines[2]);
                Assert.Contains("EACCES", lines[3]);
                Assert.Contains("/etc/app/\\e[31m", lines[4]);   // cut at 80 columns, whole at 200
                Assert.StartsWith("Space pause", lines[^1]);
            }
            top.Dispose();
        }
    }

    [Fact]
    public void Keys_pause_filter_failures_and_summary()
    {
        var (h, vm, view, top) = Show(Events(), 120, 20);
        using (h)
        using (vm)
        {
            view.NewKeyDownEvent(new Key('f'));
            Assert.True(vm.State.CurrentValue.FailuresOnly);
            Assert.DoesNotContain(h.Lines(), l => l.Contains("/etc/hostname", StringComparison.Ordinal));

            view.NewKeyDownEvent(new Key('/'));
            foreach (char c in "shadow") view.NewKeyDownEvent(new Key(c));
            Assert.Equal("shadow", vm.State.CurrentValue.Filter);
            Assert.StartsWith("Filter: shadow", h.Lines()[^1]);
            view.NewKeyDownEvent(Key.Esc);
            Assert.Equal("", vm.State.CurrentValue.Filter);

            view.NewKeyDownEvent(Key.Tab);
            string[] lines = h.Lines();
            Assert.StartsWith("  COUNT▼   FAILED LAST ERROR", lines[1]);
            Assert.Contains(lines, l => l.EndsWith("/etc/app/\\e[31mconf", StringComparison.Ordinal) && l.Contains("ENOENT", StringComparison.Ordinal));

            view.NewKeyDownEvent(Key.Space);
            Assert.True(vm.State.CurrentValue.Paused);
            Assert.Contains("PAUSED (+0)", h.Lines()[0]);
            top.Dispose();
        }
    }

    [Fact]
    public void Without_privileges_the_view_says_what_is_missing()
    {
        var (h, vm, _, top) = Show(new ListSource("not privileged: run as root or `setcap cap_bpf,cap_perfmon+ep <binary>`"), 120, 10);
        using (h)
        using (vm)
        {
            Assert.Equal("Opens needs eBPF: not privileged: run as root or `setcap cap_bpf,cap_perfmon+ep <binary>`", h.Lines()[2]);
            top.Dispose();
        }
    }
}

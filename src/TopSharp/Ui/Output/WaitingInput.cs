using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace TopSharp.Ui.Output;

/// <summary>
/// Terminal.Gui 2.5.0's ANSI input, waiting for the terminal in poll(2) rather than sleeping. The stock
/// input thread polls stdin without waiting and sleeps 20 ms when nothing came: 50 wake-ups a second, each
/// through the runtime's timer thread. This waits up to <see cref="WaitMilliseconds"/> for input first, so
/// an idle dashboard's input thread wakes 4 times a second and a key is read as soon as it arrives. When
/// stdin is not the terminal (Terminal.Gui then reads /dev/tty), the stock behaviour stays.
/// </summary>
internal sealed partial class WaitingInput : AnsiInput
{
    /// <summary>Also how long the input thread may take to notice the application is quitting.</summary>
    private const int WaitMilliseconds = 250;

    private const short POLLIN = 1;

    private readonly bool _stdinIsTerminal = isatty(0) == 1;

    public override bool Peek()
    {
        if (base.Peek()) return true;
        if (!_stdinIsTerminal) return false;
        var fd = new PollFd { Fd = 0, Events = POLLIN };
        return poll(ref fd, 1, WaitMilliseconds) > 0 && base.Peek();
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc")]
    private static partial int poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc")]
    private static partial int isatty(int fd);
}

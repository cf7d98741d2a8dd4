using System.Runtime.InteropServices;

namespace TopSharp.Ui;

/// <summary>
/// Bounds the time from leaving the main loop to leaving the process. After an SSH drop the
/// terminal is gone (reads fail with EIO), and Terminal.Gui 2.5.0's disposal then waits forever on
/// its input task while that task spins: measured here, a dashboard whose tmux session was killed
/// kept running at 100% CPU. Once armed, if the process is still alive after the grace period, it
/// ends at once with _exit(2), which runs no further managed code.
/// </summary>
internal static partial class ShutdownWatchdog
{
    public static void Arm(TimeSpan grace, int exitCode)
    {
        var thread = new Thread(() =>
        {
            Thread.Sleep(grace);
            _exit(exitCode);
        })
        { IsBackground = true, Name = "shutdown watchdog" };
        thread.Start();
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void _exit(int status);
}

using System.Runtime.InteropServices;

namespace ImpactAlliances.Benchmarks;

/// <summary>
/// The CPU time of the calling thread: on a machine shared with other work, a query's wall time measures its neighbours too,
/// the CPU its own thread spent measures the query alone (but for the caches they share).
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>The calling thread's CPU time in milliseconds; NaN where the clock cannot be read (not Linux).</summary>
    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && NativeMethods.ClockGetTime(ThreadCpuClock, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        public static extern int ClockGetTime(int clock, out Timespec time);
    }
}

namespace TopSharp;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("topsharp: not built yet");
        return 2;
    }
}

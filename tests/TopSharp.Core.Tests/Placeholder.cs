namespace TopSharp.Core.Tests; public class Placeholder { [Xunit.Fact] public void Builds() { } }

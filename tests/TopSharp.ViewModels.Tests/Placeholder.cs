namespace TopSharp.ViewModels.Tests; public class Placeholder { [Xunit.Fact] public void Builds() { } }

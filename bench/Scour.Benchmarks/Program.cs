using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Scour.Benchmarks.Corpus).Assembly).Run(args);

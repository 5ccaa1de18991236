using ImpactAlliances.Benchmarks;

return QueryBenchmark.Run(args, Console.Out, Console.Error);

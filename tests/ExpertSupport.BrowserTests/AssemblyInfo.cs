using ExpertSupport.BrowserTests;
using ExpertSupport.Testing;

[assembly: AssemblyFixture(typeof(PostgresAssemblyFixture))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]

// Every browser test drives Chromium: the whole assembly is outside the inner loop (docs/testing.md).
[assembly: Trait("Category", "Slow")]

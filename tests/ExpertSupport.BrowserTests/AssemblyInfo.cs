using ExpertSupport.BrowserTests;
using ExpertSupport.Testing;

[assembly: AssemblyFixture(typeof(PostgresAssemblyFixture))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]

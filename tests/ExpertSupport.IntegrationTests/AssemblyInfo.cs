using ExpertSupport.Testing;

[assembly: AssemblyFixture(typeof(PostgresAssemblyFixture))]

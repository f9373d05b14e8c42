using ExpertSupport.Testing;

[assembly: AssemblyFixture(typeof(PostgresAssemblyFixture))]
// One host for the classes that can share it (see SharedAppFixture); the others start their own.
[assembly: AssemblyFixture(typeof(SharedAppFixture))]

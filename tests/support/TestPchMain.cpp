// The target that compiles tests/support/TestPch.hpp once (tests/CMakeLists.txt);
// every test executable reuses its precompiled header. Never run.
int main() { return 0; }

// documents.generate writes through an unpredictable temporary file created
// with O_EXCL|O_NOFOLLOW (issue 13): a symbolic link planted at the name the
// old writer used (".<name>.<pid>.tmp") or at the document's own name
// redirects nothing.
#include "DocumentsFixture.hpp"

#include <sys/stat.h>
#include <unistd.h>

using namespace igsgov;
using namespace igsgov::testing;

TEST_F(DocumentsFixture, GenerateFollowsNoPlantedLink) {
  const std::string name = "samenstelling_igs-cultuur-va_2023-06-01.md";
  Poco::File(out_).createDirectories();
  std::string victim = dir_ + "/slachtoffer.txt";
  { std::ofstream(victim) << "niet overschrijven"; }
  std::string oldTemp = out_ + "/." + name + "." + std::to_string(::getpid()) + ".tmp";
  ASSERT_EQ(::symlink(victim.c_str(), oldTemp.c_str()), 0);
  ASSERT_EQ(::symlink(victim.c_str(), (out_ + "/" + name).c_str()), 0);

  auto out = generate(R"("template":"samenstelling","cooperation":"igs-cultuur-va","format":"md","as_of":"2023-06-01")");
  std::string path = out->getArray("documents")->getObject(0)->getValue<std::string>("path");
  EXPECT_EQ(path, out_ + "/" + name);
  EXPECT_EQ(slurp(victim), "niet overschrijven");
  struct stat st {};
  ASSERT_EQ(::lstat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode)) << "the link at the target is replaced by the document";
  EXPECT_NE(slurp(path).find("# Samenstelling"), std::string::npos);
  // The planted link is left alone, and no temporary file stays behind.
  EXPECT_EQ(filesIn(out_), (std::set<std::string>{"." + name + "." + std::to_string(::getpid()) + ".tmp", name}));
}

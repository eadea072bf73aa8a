// libFuzzer target: any bytes as a corpus file, read in tiny chunks so every multi-byte sequence, CRLF pair and
// escape sequence can straddle a chunk boundary. A load must either fail with a message or give a trainable corpus
// whose ids are all inside its vocabulary.
#include "data/corpus.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("input.txt"));
  {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
      std::abort();
    file.write(reinterpret_cast<const char *>(data), qint64(size));
  }
  lstm::CorpusOptions options;
  options.chunkBytes = 1 + std::int64_t(size % 7); // 1 … 7 bytes, varied by the input itself
  lstm::Problem error;
  const auto corpus = lstm::loadCorpus(path, options, &error);
  if (!corpus) {
    if (!error.isSet())
      std::abort();
    return 0;
  }
  if (corpus->vocabulary.size() < 2 || corpus->trainSize > corpus->size())
    std::abort();
  for (std::int32_t id : corpus->tokens)
    if (id < 0 || id >= corpus->vocabulary.size())
      std::abort();
  return 0;
}

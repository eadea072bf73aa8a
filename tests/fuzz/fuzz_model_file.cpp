// libFuzzer target: any bytes given to readModel are refused with a message or loaded as a consistent model;
// never a crash, a hang or an allocation larger than the input justifies (ASan's -rss_limit catches those).
#include "io/model_file.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::ReadOnly);
  lstm::Problem problem;
  const auto model = lstm::readModel(buffer, bytes.size(), &problem);
  if (model ? !model->checkConsistency() : !problem.isSet())
    std::abort(); // a loaded model must be consistent; a refusal must say why
  return 0;
}

// libFuzzer target: arbitrary text given to the PyTorch interchange parser.
#include "io/pytorch_interchange.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  lstm::Problem problem;
  const auto model =
      lstm::parsePytorchInterchange(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &problem);
  if (model ? !model->checkConsistency() : !problem.isSet())
    std::abort();
  return 0;
}

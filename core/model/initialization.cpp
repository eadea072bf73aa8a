#include "initialization.h"

#include <cmath>

namespace lstm {

template <typename Scalar>
void initializeParameters(Parameters<Scalar> &params, Rng &rng, const InitOptions &options) {
  const int H = params.config().hiddenSize;
  const double bound = 1.0 / std::sqrt(double(H));
  for (int index = 0; index < int(params.layout().blocks().size()); ++index) {
    const ParameterBlock &b = params.layout().blocks()[std::size_t(index)];
    auto values = params.block(index).reshaped();
    if (b.role == BlockRole::Embedding) {
      for (auto &v : values)
        v = Scalar(rng.normal());
    } else {
      for (auto &v : values)
        v = Scalar(rng.uniform(-bound, bound));
    }
  }
  if (options.forgetBias) {
    for (int layer = 0; layer < params.config().numLayers; ++layer) {
      params.biasIh(layer).segment(H, H).setConstant(Scalar(*options.forgetBias));
      params.biasHh(layer).segment(H, H).setZero();
    }
  }
}

template void initializeParameters(Parameters<float> &, Rng &, const InitOptions &);
template void initializeParameters(Parameters<double> &, Rng &, const InitOptions &);

} // namespace lstm

#pragma once
// PyTorch's default initialisation, drawn from our own seeded Rng (so it is reproducible, not bit-equal to torch).
#include "parameters.h"
#include "rng.h"

#include <optional>

namespace lstm {

struct InitOptions {
  // When set, the forget-gate rows of b_ih are set to this value and those of b_hh to 0, so the forget gate
  // starts near σ(value) (Jozefowicz et al. 2015 suggest 1). Unset: PyTorch's plain uniform init.
  std::optional<double> forgetBias;
};

// nn.LSTM: every weight and bias ~ U(−1/√H, 1/√H). nn.Embedding: N(0, 1).
// nn.Linear head: weight and bias ~ U(−1/√H, 1/√H) (kaiming_uniform with a = √5 reduces to this).
// Blocks are drawn in layout order.
template <typename Scalar>
void initializeParameters(Parameters<Scalar> &params, Rng &rng, const InitOptions &options = {});

extern template void initializeParameters(Parameters<float> &, Rng &, const InitOptions &);
extern template void initializeParameters(Parameters<double> &, Rng &, const InitOptions &);

} // namespace lstm

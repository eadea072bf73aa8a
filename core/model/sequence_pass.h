#pragma once
// Forward and backward passes of the whole network over one (T × B) window.
// Reference: PyTorch nn.LSTM (gate order i, f, g, o) + nn.Linear head + cross-entropy / MSE with mean reduction.
#include "parameters.h"
#include "sequence_workspace.h"

namespace lstm {

// Runs input → L LSTM layers → head over the window in `ws`, starting from ws's initial state.
// Returns the loss *summed* over the window: Σ −log p(target) over N columns (Softmax), or Σ (y − ŷ)² over D·N
// entries (Regression). Divide by lossNormalizer() for the mean. Leaves the caches backwardPass() needs.
template <typename Scalar>
double forwardPass(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws);

// Accumulates (+=) into `grads` the gradient of lossScale · (summed loss of the last forwardPass on `ws`),
// by backpropagation through the window only: no gradient flows into the initial state (truncated BPTT).
// For the mean loss pass lossScale = 1 / lossNormalizer(config, total columns over all workspaces).
template <typename Scalar>
void backwardPass(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws, Parameters<Scalar> &grads,
                  Scalar lossScale);

// Number of terms the mean loss divides by for `columns` predictions: columns, or columns · D for MSE.
double lossNormalizer(const ModelConfig &config, std::int64_t columns);

extern template double forwardPass(const Parameters<float> &, SequenceWorkspace<float> &);
extern template double forwardPass(const Parameters<double> &, SequenceWorkspace<double> &);
extern template void backwardPass(const Parameters<float> &, SequenceWorkspace<float> &, Parameters<float> &, float);
extern template void backwardPass(const Parameters<double> &, SequenceWorkspace<double> &, Parameters<double> &,
                                  double);

} // namespace lstm

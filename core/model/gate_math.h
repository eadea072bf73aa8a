#pragma once
// The element-wise part of one LSTM step, shared by the batched sequence pass and the batch-1 stepper so
// both compute gates with the same instructions. PyTorch's nn.LSTM equations, gate rows ordered i, f, g, o:
//   i = σ(a_i)  f = σ(a_f)  g = tanh(a_g)  o = σ(a_o)      (a = W_ih·x + b_ih + W_hh·h_{t−1} + b_hh)
//   c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)
#include "tensor_types.h"

namespace lstm {

// In place: rows [0,2H) and [3H,4H) of `gates` (4H × B) get σ, rows [2H,3H) get tanh.
template <typename Derived>
void activateGates(Eigen::MatrixBase<Derived> &gates, int H) {
  gates.topRows(2 * H).array() = gates.topRows(2 * H).array().logistic();
  gates.middleRows(2 * H, H).array() = gates.middleRows(2 * H, H).array().tanh();
  gates.bottomRows(H).array() = gates.bottomRows(H).array().logistic();
}

// Gradient of the loss w.r.t. the pre-activations, given gradients w.r.t. the activations held in the same
// (4H × B) layout: σ' = s(1 − s), tanh' = 1 − g².
template <typename GateDerived, typename GradDerived>
void gatePreactivationGradients(const Eigen::MatrixBase<GateDerived> &gates, Eigen::MatrixBase<GradDerived> &dGates,
                                int H) {
  using Scalar = typename GradDerived::Scalar;
  const auto sigmoids = gates.topRows(2 * H).array();
  const auto candidate = gates.middleRows(2 * H, H).array();
  const auto output = gates.bottomRows(H).array();
  dGates.topRows(2 * H).array() *= sigmoids * (Scalar(1) - sigmoids);
  dGates.middleRows(2 * H, H).array() *= Scalar(1) - candidate.square();
  dGates.bottomRows(H).array() *= output * (Scalar(1) - output);
}

} // namespace lstm

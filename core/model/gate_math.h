#pragma once
// The element-wise part of one LSTM step, shared by the batched sequence pass (sequence_pass.cpp) and the batch-1
// cell step (lstm_cell.h), so both compute with the same instructions. PyTorch's nn.LSTM equations, gate rows
// ordered i, f, g, o:
//   i = σ(a_i)  f = σ(a_f)  g = tanh(a_g)  o = σ(a_o)      (a = W_ih·x + b_ih + W_hh·h_{t−1} + b_hh)
//   c_t = f ⊙ c_{t−1} + i ⊙ g        h_t = o ⊙ tanh(c_t)
// Every function takes gates as a (4U × B) block (U units, B columns; a vector is B = 1) and (U × B) blocks of c and
// h; outputs may be temporaries (blocks of a larger matrix), hence the forwarding references.
#include "tensor_types.h"

namespace lstm {

// In place: rows [0,2U) and [3U,4U) of `gates` (4U × B) get σ, rows [2U,3U) get tanh.
template <typename Derived>
void activateGates(Eigen::MatrixBase<Derived> &gates, int U) {
  gates.topRows(2 * U).array() = gates.topRows(2 * U).array().logistic();
  gates.middleRows(2 * U, U).array() = gates.middleRows(2 * U, U).array().tanh();
  gates.bottomRows(U).array() = gates.bottomRows(U).array().logistic();
}

// c_t = f ⊙ c_{t−1} + i ⊙ g
template <typename Gates, typename CellPrev, typename Cell>
void updateCell(const Eigen::MatrixBase<Gates> &gates, const Eigen::MatrixBase<CellPrev> &cellPrev, Cell &&cell) {
  const auto U = cellPrev.rows();
  cell.array() = gates.middleRows(U, U).array() * cellPrev.array() + gates.topRows(U).array() * gates.middleRows(2 * U, U).array();
}

// tanh(c_t), then h_t = o ⊙ tanh(c_t)
template <typename Gates, typename Cell, typename TanhCell, typename Hidden>
void updateHidden(const Eigen::MatrixBase<Gates> &gates, const Eigen::MatrixBase<Cell> &cell, TanhCell &&tanhCell,
                  Hidden &&hidden) {
  tanhCell.array() = cell.array().tanh();
  hidden.array() = gates.bottomRows(cell.rows()).array() * tanhCell.array();
}

// Backward of h_t = o ⊙ tanh(c_t): dh reaches o directly and c_t through tanh, on top of dc from later uses of c_t.
//   dGates_o = dh ⊙ tanh(c_t)        dc = dcLater + dh ⊙ o ⊙ (1 − tanh²(c_t))
// `dc` may be the same object as `dcLater`. dGates holds gradients w.r.t. the activations (4U × B).
template <typename Gates, typename TanhCell, typename DHidden, typename DCellLater, typename DCell, typename DGates>
void updateHiddenBackward(const Eigen::MatrixBase<Gates> &gates, const Eigen::MatrixBase<TanhCell> &tanhCell,
                          const Eigen::MatrixBase<DHidden> &dh, const Eigen::MatrixBase<DCellLater> &dcLater, DCell &&dc,
                          DGates &&dGates) {
  using Scalar = typename Gates::Scalar;
  const auto U = tanhCell.rows();
  const auto t = tanhCell.array();
  dc.array() = dcLater.array() + dh.array() * gates.bottomRows(U).array() * (Scalar(1) - t.square());
  dGates.bottomRows(U).array() = dh.array() * t;
}

// Backward of c_t = f ⊙ c_{t−1} + i ⊙ g, given dc = ∂loss/∂c_t:
//   dGates_i = dc ⊙ g   dGates_f = dc ⊙ c_{t−1}   dGates_g = dc ⊙ i      dcPrev = dc ⊙ f
template <typename Gates, typename CellPrev, typename DCell, typename DGates, typename DCellPrev>
void updateCellBackward(const Eigen::MatrixBase<Gates> &gates, const Eigen::MatrixBase<CellPrev> &cellPrev,
                        const Eigen::MatrixBase<DCell> &dc, DGates &&dGates, DCellPrev &&dcPrev) {
  const auto U = cellPrev.rows();
  dGates.topRows(U).array() = dc.array() * gates.middleRows(2 * U, U).array();
  dGates.middleRows(U, U).array() = dc.array() * cellPrev.array();
  dGates.middleRows(2 * U, U).array() = dc.array() * gates.topRows(U).array();
  dcPrev.array() = dc.array() * gates.middleRows(U, U).array();
}

// Gradient of the loss w.r.t. the pre-activations, given gradients w.r.t. the activations held in the same
// (4U × B) layout: σ' = s(1 − s), tanh' = 1 − g².
template <typename GateDerived, typename GradDerived>
void gatePreactivationGradients(const Eigen::MatrixBase<GateDerived> &gates, Eigen::MatrixBase<GradDerived> &dGates,
                                int U) {
  using Scalar = typename GradDerived::Scalar;
  const auto sigmoids = gates.topRows(2 * U).array();
  const auto candidate = gates.middleRows(2 * U, U).array();
  const auto output = gates.bottomRows(U).array();
  dGates.topRows(2 * U).array() *= sigmoids * (Scalar(1) - sigmoids);
  dGates.middleRows(2 * U, U).array() *= Scalar(1) - candidate.square();
  dGates.bottomRows(U).array() *= output * (Scalar(1) - output);
}

} // namespace lstm

#pragma once
// How far back in time the loss of one prediction reaches an LSTM's state (the "why not a plain RNN" lesson).
// For the prediction made at step t, loss_t = −log p(token_{t+1}) (Softmax head) or mean (ŷ_t − x_{t+1})² over
// the D outputs (Regression head whose D equals X, as Trace::loss), and for k = 0 … K and every layer l:
//   cell[l][k]   = ‖∂loss_t/∂c^l_{t−k}‖₂     hidden[l][k] = ‖∂loss_t/∂h^l_{t−k}‖₂
// Each is the TOTAL derivative through every path: c^l_s and h^l_s are treated as variables a perturbation is
// added to right after they are computed (LstmCellPerturbation: c after the cell interventions, h after ZeroHidden)
// — a perturbed c_s reaches h_s, c_{s+1} and everything after; a perturbed h_s reaches layer l+1 at step s and step
// s+1 (not c_s).
// This is what backpropagation through time carries as dc and dh; lstmWindowLoss() with a StateDelta is the
// forward that injects such a perturbation, so finite differences can check it.
//
// The window is recomputed from the trace in double: the state after step t−K−1 (or the trace's initial state)
// and the inputs of steps t−K … t, run through the Stepper's own cell step (model/lstm_cell.h) with the
// interventions that were active at each step, forward and backward. Its values equal the trace's up to float
// rounding.
// All functions are reentrant; no Qt types.
#include "intervention.h"
#include "model/lstm_cell.h"
#include "model/model.h"
#include "trace.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lstm {

// Steps t−T+1 … t of the network, everything needed to recompute them. T = steps() ≥ 1.
struct FlowWindow {
  int lastStep = -1;                                    // t, the step whose prediction is scored
  std::vector<std::int32_t> tokens;                     // (T) OneHot / Embedding input
  Matrix<double> denseInput;                            // (X, T) Dense input
  std::vector<std::vector<Intervention>> interventions; // (T) active at each step; may be empty (none anywhere)
  CellOrder order = kCellOrder;                         // where they act: the order the Stepper used
  std::vector<Vector<double>> initialHidden;            // (L) × (H) state before the first step of the window
  std::vector<Vector<double>> initialCell;              // (L) × (H)
  std::int32_t targetToken = -1;                        // Softmax head: the next token
  Vector<double> targetValue;                           // (D) Regression head: the next value
  int steps() const { return int(tokens.empty() ? denseInput.cols() : Eigen::Index(tokens.size())); }
};

// A perturbation added to c^layer_step (cell) or h^layer_step (hidden) right after it is computed; step is the
// index inside the window.
struct StateDelta {
  int step = 0;
  int layer = 0;
  bool cell = true;
  Vector<double> delta; // (H)
};

struct GradientFlowResult {
  double loss = 0.0;                       // loss_t recomputed in double
  std::vector<std::vector<double>> cell;   // (L) × (T): [l][k] = ‖∂loss_t/∂c^l_{t−k}‖₂
  std::vector<std::vector<double>> hidden; // (L) × (T): [l][k] = ‖∂loss_t/∂h^l_{t−k}‖₂
};

// Builds the window of steps [max(0, t−K), t] from `trace`. The target is the trace's input at t+1 when it has
// that step, otherwise `nextToken` (token models, e.g. the next character of the text) or `nextValue` (scaled, D
// values). nullopt with a reason in `problem` when t is outside the trace, K < 0, there is no target, or the head
// is a regression whose D differs from X (its loss is not defined on the input stream).
std::optional<FlowWindow> flowWindowFromTrace(const ModelConfig &config, const Trace &trace, int t, int K,
                                              std::int32_t nextToken = -1, std::span<const double> nextValue = {},
                                              std::string *problem = nullptr);

// loss_t of the window's last step, optionally with one state perturbed. Preconditions: params' config matches
// the window (token ids < V, X rows of dense input, L initial states of H), T ≥ 1, a target for the head.
double lstmWindowLoss(const Parameters<double> &params, const FlowWindow &window, const StateDelta *delta = nullptr);

// Forward and backward over the window: loss_t and the gradient norms of every layer, k = 0 … T−1.
// Cost ≈ 3 · T · L · (4H·(X + H) + O·H) multiply-adds. Same preconditions as lstmWindowLoss.
GradientFlowResult lstmGradientFlow(const Parameters<double> &params, const FlowWindow &window);

} // namespace lstm

#include "gradient_flow.h"

#include "model/gate_math.h"

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

// Forward caches of one window, column s = step s of the window (cells/hidden: column 0 is the initial state).
struct WindowCache {
  std::vector<Matrix<double>> gates;     // (L) × (4H, T) activations after clamps
  std::vector<Matrix<double>> cells;     // (L) × (H, T+1) c after cell interventions (and any delta)
  std::vector<Matrix<double>> tanhCells; // (L) × (H, T)
  std::vector<Matrix<double>> hidden;    // (L) × (H, T+1) h after ZeroHidden (and any delta)
  Vector<double> output;                 // (O) logits or prediction at the last step
};

const std::vector<Intervention> &interventionsAt(const FlowWindow &window, int step) {
  static const std::vector<Intervention> none;
  return window.interventions.empty() ? none : window.interventions[std::size_t(step)];
}

// The Stepper's step (stepper.cpp runLayer, intervention.h order) in double, plus an optional perturbation.
void forward(const Parameters<double> &params, const FlowWindow &window, const StateDelta *delta, WindowCache &cache) {
  const ModelConfig &config = params.config();
  const int H = config.hiddenSize, L = config.numLayers, T = window.steps();
  cache.gates.assign(std::size_t(L), Matrix<double>(4 * H, T));
  cache.cells.assign(std::size_t(L), Matrix<double>(H, T + 1));
  cache.tanhCells.assign(std::size_t(L), Matrix<double>(H, T));
  cache.hidden.assign(std::size_t(L), Matrix<double>(H, T + 1));
  for (int l = 0; l < L; ++l) {
    cache.cells[std::size_t(l)].col(0) = window.initialCell[std::size_t(l)];
    cache.hidden[std::size_t(l)].col(0) = window.initialHidden[std::size_t(l)];
  }
  Vector<double> a(4 * H);
  for (int s = 0; s < T; ++s) {
    const auto &active = interventionsAt(window, s);
    for (int l = 0; l < L; ++l) {
      auto &cells = cache.cells[std::size_t(l)];
      auto &hidden = cache.hidden[std::size_t(l)];
      // 1. a = W_ih·x + b_ih + W_hh·h_{s−1} + b_hh
      a = params.biasIh(l) + params.biasHh(l);
      const auto wIh = params.weightIh(l);
      if (l > 0)
        a.noalias() += wIh * cache.hidden[std::size_t(l - 1)].col(s + 1);
      else if (config.input == InputKind::OneHot)
        a += wIh.col(window.tokens[std::size_t(s)]);
      else if (config.input == InputKind::Embedding)
        a.noalias() += wIh * params.embedding().col(window.tokens[std::size_t(s)]);
      else
        a.noalias() += wIh * window.denseInput.col(s);
      a.noalias() += params.weightHh(l) * hidden.col(s);
      // 2. activations, clamped gates
      auto gates = cache.gates[std::size_t(l)].col(s);
      gates = a;
      activateGates(gates, H);
      for (const Intervention &iv : active)
        if (iv.layer == l && iv.kind == InterventionKind::ClampGate)
          gates(int(iv.gate) * H + iv.unit) = double(iv.value);
      // 3. c_s = f ⊙ c_{s−1} + i ⊙ g, 4. cell interventions, then the perturbation of c_s
      cells.col(s + 1).array() =
          gates.segment(H, H).array() * cells.col(s).array() + gates.segment(0, H).array() * gates.segment(2 * H, H).array();
      for (const Intervention &iv : active) {
        if (iv.layer != l)
          continue;
        if (iv.kind == InterventionKind::SetCell)
          cells(iv.unit, s + 1) = double(iv.value);
        else if (iv.kind == InterventionKind::ZeroCell)
          cells(iv.unit, s + 1) = 0.0;
        else if (iv.kind == InterventionKind::AddCell)
          cells(iv.unit, s + 1) += double(iv.value);
      }
      if (delta && delta->cell && delta->step == s && delta->layer == l)
        cells.col(s + 1) += delta->delta;
      // 5. h_s = o ⊙ tanh(c_s), 6. zeroed units, then the perturbation of h_s
      cache.tanhCells[std::size_t(l)].col(s) = cells.col(s + 1).array().tanh();
      hidden.col(s + 1).array() = gates.segment(3 * H, H).array() * cache.tanhCells[std::size_t(l)].col(s).array();
      for (const Intervention &iv : active)
        if (iv.layer == l && iv.kind == InterventionKind::ZeroHidden)
          hidden(iv.unit, s + 1) = 0.0;
      if (delta && !delta->cell && delta->step == s && delta->layer == l)
        hidden.col(s + 1) += delta->delta;
    }
  }
  cache.output = params.headBias();
  cache.output.noalias() += params.headWeight() * cache.hidden.back().col(T);
}

// loss_t from the head output, and ∂loss_t/∂output when `dOutput` is given.
double headLoss(const ModelConfig &config, const FlowWindow &window, const Vector<double> &output,
                Vector<double> *dOutput) {
  if (config.head == HeadKind::Softmax) {
    // −log softmax(z)_y through log-sum-exp; ∂/∂z = p − onehot(y).
    const double maxLogit = output.maxCoeff();
    const Vector<double> exps = (output.array() - maxLogit).exp().matrix();
    const double sum = exps.sum();
    if (dOutput) {
      *dOutput = exps / sum;
      (*dOutput)(window.targetToken) -= 1.0;
    }
    return std::log(sum) + maxLogit - output(window.targetToken);
  }
  // mean over D of (ŷ − y)²; ∂/∂ŷ = 2(ŷ − y)/D.
  const Vector<double> error = output - window.targetValue;
  const double D = double(error.size());
  if (dOutput)
    *dOutput = (2.0 / D) * error;
  return error.squaredNorm() / D;
}

} // namespace

std::optional<FlowWindow> flowWindowFromTrace(const ModelConfig &config, const Trace &trace, int t, int K,
                                              std::int32_t nextToken, std::span<const double> nextValue,
                                              std::string *problem) {
  auto fail = [problem](const char *reason) {
    if (problem)
      *problem = reason;
    return std::nullopt;
  };
  if (t < 0 || t >= trace.steps())
    return fail("no step to inspect");
  if (K < 0)
    return fail("the window must reach at least the current step");
  if (config.head == HeadKind::Regression && (config.input != InputKind::Dense || config.inputSize != config.outputSize))
    return fail("the model's predictions are not of its next input, so the loss is not defined");
  const int H = config.hiddenSize, L = config.numLayers;
  const int T = std::min(K, t) + 1;
  const int first = t - T + 1;
  FlowWindow window;
  window.lastStep = t;
  if (config.head == HeadKind::Softmax) {
    window.targetToken = t + 1 < trace.steps() ? trace.token(t + 1) : nextToken;
    if (window.targetToken < 0 || window.targetToken >= config.vocabSize)
      return fail("the next character is not known yet");
  } else {
    std::vector<double> next;
    if (t + 1 < trace.steps())
      for (float v : trace.input(t + 1))
        next.push_back(double(v));
    else
      next.assign(nextValue.begin(), nextValue.end());
    if (int(next.size()) != config.outputSize)
      return fail("the next value is not known yet");
    window.targetValue = Eigen::Map<const Vector<double>>(next.data(), Eigen::Index(next.size()));
  }
  if (config.usesTokens()) {
    for (int s = first; s <= t; ++s)
      window.tokens.push_back(trace.token(s));
  } else {
    window.denseInput.resize(config.inputSize, T);
    for (int s = first; s <= t; ++s) {
      const auto input = trace.input(s);
      for (int x = 0; x < config.inputSize; ++x)
        window.denseInput(x, s - first) = double(input[std::size_t(x)]);
    }
  }
  bool anyIntervention = false;
  for (int s = first; s <= t; ++s)
    anyIntervention = anyIntervention || !trace.interventions(s).empty();
  if (anyIntervention)
    for (int s = first; s <= t; ++s) {
      const auto active = trace.interventions(s);
      window.interventions.emplace_back(active.begin(), active.end());
    }
  for (int l = 0; l < L; ++l) {
    if (first == 0) {
      window.initialHidden.push_back(ConstVectorMap<float>(trace.initialHidden(l).data(), H).cast<double>());
      window.initialCell.push_back(ConstVectorMap<float>(trace.initialCell(l).data(), H).cast<double>());
    } else {
      window.initialHidden.push_back(trace.quantity(l, Quantity::Hidden).row(first - 1).transpose().cast<double>());
      window.initialCell.push_back(trace.quantity(l, Quantity::Cell).row(first - 1).transpose().cast<double>());
    }
  }
  return window;
}

double lstmWindowLoss(const Parameters<double> &params, const FlowWindow &window, const StateDelta *delta) {
  WindowCache cache;
  forward(params, window, delta, cache);
  return headLoss(params.config(), window, cache.output, nullptr);
}

GradientFlowResult lstmGradientFlow(const Parameters<double> &params, const FlowWindow &window) {
  const ModelConfig &config = params.config();
  const int H = config.hiddenSize, L = config.numLayers, T = window.steps();
  WindowCache cache;
  forward(params, window, nullptr, cache);
  GradientFlowResult result;
  Vector<double> dOutput;
  result.loss = headLoss(config, window, cache.output, &dOutput);
  result.cell.assign(std::size_t(L), std::vector<double>(std::size_t(T), 0.0));
  result.hidden.assign(std::size_t(L), std::vector<double>(std::size_t(T), 0.0));

  // Backpropagation through time, step-major and top layer first, so that at (s, l) both sources of dh^l_s are
  // known: W_ihᵀ·dA^{l+1}_s from the layer above (or the head at the last step) and W_hhᵀ·dA^l_{s+1} from the
  // next step; dc^l_s also gets dc^l_{s+1} ⊙ f^l_{s+1}. Same equations as sequence_pass.cpp backwardLayer.
  std::vector<Vector<double>> dhFromNext(std::size_t(L), Vector<double>::Zero(H));
  std::vector<Vector<double>> dcFromNext(std::size_t(L), Vector<double>::Zero(H));
  Vector<double> dFromAbove(H), dh(H), dc(H), dA(4 * H);
  for (int s = T - 1; s >= 0; --s) {
    const auto &active = interventionsAt(window, s);
    if (s == T - 1)
      dFromAbove.noalias() = params.headWeight().transpose() * dOutput;
    else
      dFromAbove.setZero();
    for (int l = L - 1; l >= 0; --l) {
      const auto gates = cache.gates[std::size_t(l)].col(s);
      const auto tanhCell = cache.tanhCells[std::size_t(l)].col(s).array();
      // Totals: ∂loss_t/∂h^l_s and ∂loss_t/∂c^l_s, the quantities plotted.
      dh = dhFromNext[std::size_t(l)] + dFromAbove;
      result.hidden[std::size_t(l)][std::size_t(T - 1 - s)] = dh.norm();
      // A zeroed h does not depend on o or c: its gradient stops here.
      for (const Intervention &iv : active)
        if (iv.layer == l && iv.kind == InterventionKind::ZeroHidden)
          dh(iv.unit) = 0.0;
      // h_s = o ⊙ tanh(c_s)
      dc.array() = dcFromNext[std::size_t(l)].array() + dh.array() * gates.segment(3 * H, H).array() *
                                                            (1.0 - tanhCell.square());
      result.cell[std::size_t(l)][std::size_t(T - 1 - s)] = dc.norm();
      // A set or zeroed c is a constant: nothing reaches the gates or c_{s−1} through it.
      for (const Intervention &iv : active)
        if (iv.layer == l && (iv.kind == InterventionKind::SetCell || iv.kind == InterventionKind::ZeroCell))
          dc(iv.unit) = 0.0;
      // c_s = f ⊙ c_{s−1} + i ⊙ g
      dA.segment(0, H).array() = dc.array() * gates.segment(2 * H, H).array();
      dA.segment(H, H).array() = dc.array() * cache.cells[std::size_t(l)].col(s).array();
      dA.segment(2 * H, H).array() = dc.array() * gates.segment(0, H).array();
      dA.segment(3 * H, H).array() = dh.array() * tanhCell;
      dcFromNext[std::size_t(l)].array() = dc.array() * gates.segment(H, H).array();
      gatePreactivationGradients(gates, dA, H);
      for (const Intervention &iv : active) // a clamped gate does not depend on its pre-activation
        if (iv.layer == l && iv.kind == InterventionKind::ClampGate)
          dA(int(iv.gate) * H + iv.unit) = 0.0;
      dhFromNext[std::size_t(l)].noalias() = params.weightHh(l).transpose() * dA;
      if (l > 0)
        dFromAbove.noalias() = params.weightIh(l).transpose() * dA;
    }
  }
  return result;
}

} // namespace lstm

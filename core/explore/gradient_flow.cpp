#include "gradient_flow.h"

#include "model/lstm_cell.h"

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

// Forward caches of one window: every intermediate of the cell step at (step s of the window, layer l).
struct WindowCache {
  std::vector<std::vector<LstmCellValues<double>>> steps; // (T) × (L)
  std::vector<Vector<double>> biasSums;                   // (L) × (4H) b_ih + b_hh
  Vector<double> output;                                  // (O) logits or prediction at the last step
};

CellInterventions interventionsAt(const FlowWindow &window, int step, int layer) {
  if (window.interventions.empty())
    return {{}, layer, window.order};
  return {window.interventions[std::size_t(step)], layer, window.order};
}

const Vector<double> &hiddenBefore(const FlowWindow &window, const WindowCache &cache, int s, int l) {
  return s == 0 ? window.initialHidden[std::size_t(l)] : cache.steps[std::size_t(s - 1)][std::size_t(l)].hidden;
}
const Vector<double> &cellBefore(const FlowWindow &window, const WindowCache &cache, int s, int l) {
  return s == 0 ? window.initialCell[std::size_t(l)] : cache.steps[std::size_t(s - 1)][std::size_t(l)].cell;
}

// The Stepper's steps, in double: the same cell step, plus an optional perturbation.
void forward(const Parameters<double> &params, const FlowWindow &window, const StateDelta *delta, WindowCache &cache) {
  const ModelConfig &config = params.config();
  const int L = config.numLayers, T = window.steps();
  cache.biasSums.clear();
  for (int l = 0; l < L; ++l)
    cache.biasSums.push_back(params.biasIh(l) + params.biasHh(l));
  cache.steps.assign(std::size_t(T), std::vector<LstmCellValues<double>>(std::size_t(L)));
  LstmCellPerturbation<double> perturbation;
  for (int s = 0; s < T; ++s)
    for (int l = 0; l < L; ++l) {
      LstmCellInput<double> input;
      if (l > 0) {
        const Vector<double> &below = cache.steps[std::size_t(s)][std::size_t(l - 1)].hidden;
        input.values = {below.data(), std::size_t(below.size())};
      } else if (config.input == InputKind::OneHot) {
        input.oneHotColumn = window.tokens[std::size_t(s)];
      } else if (config.input == InputKind::Embedding) {
        input.values = {params.embedding().col(window.tokens[std::size_t(s)]).data(), std::size_t(config.embedDim)};
      } else {
        input.values = {window.denseInput.col(s).data(), std::size_t(config.inputSize)};
      }
      const bool perturbed = delta && delta->step == s && delta->layer == l;
      if (perturbed)
        (delta->cell ? perturbation.cell : perturbation.hidden) = delta->delta;
      lstmCellForward(layerCellWeights(params, l, cache.biasSums[std::size_t(l)]), input,
                      hiddenBefore(window, cache, s, l), cellBefore(window, cache, s, l),
                      interventionsAt(window, s, l), cache.steps[std::size_t(s)][std::size_t(l)], false,
                      perturbed ? &perturbation : nullptr);
    }
  cache.output = params.headBias();
  cache.output.noalias() += params.headWeight() * cache.steps.back().back().hidden;
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
  // next step; dc^l_s comes from step s+1 through f^l_{s+1}. The cell step's backward does the rest.
  std::vector<Vector<double>> dhFromNext(std::size_t(L), Vector<double>::Zero(H));
  std::vector<Vector<double>> dcFromNext(std::size_t(L), Vector<double>::Zero(H));
  Vector<double> dFromAbove(H), dh(H);
  LstmCellGradients<double> grads;
  for (int s = T - 1; s >= 0; --s) {
    if (s == T - 1)
      dFromAbove.noalias() = params.headWeight().transpose() * dOutput;
    else
      dFromAbove.setZero();
    for (int l = L - 1; l >= 0; --l) {
      // Totals: ∂loss_t/∂h^l_s and ∂loss_t/∂c^l_s, the quantities plotted.
      dh = dhFromNext[std::size_t(l)] + dFromAbove;
      lstmCellBackward(layerCellWeights(params, l, cache.biasSums[std::size_t(l)]),
                       cache.steps[std::size_t(s)][std::size_t(l)], cellBefore(window, cache, s, l), dh,
                       dcFromNext[std::size_t(l)], interventionsAt(window, s, l), grads, l > 0);
      result.hidden[std::size_t(l)][std::size_t(T - 1 - s)] = dh.norm();
      result.cell[std::size_t(l)][std::size_t(T - 1 - s)] = grads.cell.norm();
      dhFromNext[std::size_t(l)] = grads.hiddenPrev;
      dcFromNext[std::size_t(l)] = grads.cellPrev;
      if (l > 0)
        dFromAbove = grads.input;
    }
  }
  return result;
}

} // namespace lstm

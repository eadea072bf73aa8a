#pragma once
// Columnar record of everything a Stepper computed, one row per step: for each layer and quantity a growing
// (steps × H) float block, plus the input of each step, the top of the next-token distribution (or the
// prediction), the loss once the next input is known, and the interventions that were active.
// Views read slices (Eigen maps, no copies). A slice is valid until the trace is next appended to or truncated.
// Only the owning Stepper writes; readers on the same thread.
#include "intervention.h"
#include "model/model_config.h"
#include "model/tensor_types.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace lstm {

enum class Quantity {
  InputGate, ForgetGate, CandidateGate, OutputGate, // i, f, g, o (after activation and any clamp)
  Cell, Hidden,                                      // c_t, h_t (after interventions)
  InputPre, ForgetPre, CandidatePre, OutputPre,      // pre-activations a_i, a_f, a_g, a_o
};
constexpr int kQuantityCount = 10;
const char *toString(Quantity quantity); // "i", "f", "g", "o", "c", "h", "a_i", …

struct TokenProbability {
  std::int32_t token;
  float probability;
};

class Trace {
public:
  using StepUnitMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using StepUnitView = Eigen::Map<const StepUnitMatrix>;

  Trace() = default;
  // topK: how many of the most likely next tokens each step keeps (clamped to V).
  Trace(const ModelConfig &config, int topK);

  int steps() const { return m_steps; }
  int layers() const { return m_layers; }
  int units() const { return m_units; }
  int topK() const { return m_topK; }

  // (steps × H) block of one quantity of one layer; row = step, column = unit.
  StepUnitView quantity(int layer, Quantity q) const;
  // Sub-block [stepBegin, stepBegin+stepCount) × [unitBegin, unitBegin+unitCount). Preconditions: ranges inside.
  auto slice(int layer, Quantity q, int stepBegin, int stepCount, int unitBegin, int unitCount) const {
    return quantity(layer, q).block(stepBegin, unitBegin, stepCount, unitCount);
  }
  float value(int layer, Quantity q, int step, int unit) const {
    return m_blocks[blockIndex(layer, q)][std::size_t(step) * std::size_t(m_units) + std::size_t(unit)];
  }

  std::int32_t token(int step) const { return m_tokens[std::size_t(step)]; } // −1 for dense input
  std::span<const float> input(int step) const;                               // (X) dense input, empty otherwise
  std::span<const TokenProbability> topNext(int step) const;                  // most likely first; Softmax head
  std::span<const float> prediction(int step) const;                          // (D) Regression head
  // Loss of the prediction made at `step`, known once step+1 is read: −log p(token_{step+1}) for a softmax head,
  // mean (ŷ − x_{step+1})² for a regression head whose D equals X. NaN until then (or when not defined).
  float loss(int step) const { return m_losses[std::size_t(step)]; }
  std::span<const Intervention> interventions(int step) const;

  // State before step 0, per layer (H).
  std::span<const float> initialHidden(int layer) const { return m_initialHidden[std::size_t(layer)]; }
  std::span<const float> initialCell(int layer) const { return m_initialCell[std::size_t(layer)]; }

  // ---- writing (Stepper)
  void clear(); // no steps, initial state kept
  void setInitialState(int layer, std::span<const float> hidden, std::span<const float> cell);
  // Appends one step. `layerValues[layer][q]` points to H floats of quantity q.
  struct StepValues {
    std::int32_t token = -1;
    std::span<const float> input;
    std::span<const TokenProbability> topNext;
    std::span<const float> prediction;
    std::span<const Intervention> interventions;
  };
  void append(const StepValues &step, const std::vector<std::array<const float *, kQuantityCount>> &layerValues);
  void setLoss(int step, float loss) { m_losses[std::size_t(step)] = loss; }
  void truncate(int steps); // keeps the first `steps` steps; the loss of the new last step becomes NaN

private:
  std::size_t blockIndex(int layer, Quantity q) const { return std::size_t(layer * kQuantityCount + int(q)); }

  int m_layers = 0, m_units = 0, m_inputWidth = 0, m_predictionWidth = 0, m_topK = 0;
  int m_steps = 0;
  std::vector<std::vector<float>> m_blocks; // [layer·10 + quantity] → steps·H
  std::vector<std::int32_t> m_tokens;
  std::vector<float> m_inputs;              // steps·X
  std::vector<TokenProbability> m_topNext;  // steps·topK
  std::vector<float> m_predictions;         // steps·D
  std::vector<float> m_losses;
  std::vector<Intervention> m_interventions;
  std::vector<std::size_t> m_interventionStart; // steps + 1 offsets into m_interventions
  std::vector<std::vector<float>> m_initialHidden, m_initialCell;
};

} // namespace lstm

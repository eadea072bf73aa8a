#include "trace.h"

#include <algorithm>
#include <limits>

namespace lstm {

const char *toString(Quantity quantity) {
  static const char *const names[kQuantityCount] = {"i", "f", "g", "o", "c", "h", "a_i", "a_f", "a_g", "a_o"};
  return names[int(quantity)];
}

Trace::Trace(const ModelConfig &config, int topK)
    : m_layers(config.numLayers), m_units(config.hiddenSize),
      m_inputWidth(config.input == InputKind::Dense ? config.inputSize : 0),
      m_predictionWidth(config.head == HeadKind::Regression ? config.outputSize : 0),
      m_topK(config.head == HeadKind::Softmax ? std::clamp(topK, 1, config.vocabSize) : 0),
      m_blocks(std::size_t(m_layers * kQuantityCount)), m_interventionStart{0},
      m_initialHidden(std::size_t(m_layers), std::vector<float>(std::size_t(m_units), 0.0f)),
      m_initialCell(std::size_t(m_layers), std::vector<float>(std::size_t(m_units), 0.0f)) {}

Trace::StepUnitView Trace::quantity(int layer, Quantity q) const {
  return StepUnitView(m_blocks[blockIndex(layer, q)].data(), m_steps, m_units);
}

std::span<const float> Trace::input(int step) const {
  return {m_inputs.data() + std::size_t(step) * std::size_t(m_inputWidth), std::size_t(m_inputWidth)};
}

std::span<const TokenProbability> Trace::topNext(int step) const {
  return {m_topNext.data() + std::size_t(step) * std::size_t(m_topK), std::size_t(m_topK)};
}

std::span<const float> Trace::prediction(int step) const {
  return {m_predictions.data() + std::size_t(step) * std::size_t(m_predictionWidth), std::size_t(m_predictionWidth)};
}

std::span<const Intervention> Trace::interventions(int step) const {
  const std::size_t begin = m_interventionStart[std::size_t(step)];
  return {m_interventions.data() + begin, m_interventionStart[std::size_t(step) + 1] - begin};
}

void Trace::clear() { truncate(0); }

void Trace::setInitialState(int layer, std::span<const float> hidden, std::span<const float> cell) {
  std::copy(hidden.begin(), hidden.end(), m_initialHidden[std::size_t(layer)].begin());
  std::copy(cell.begin(), cell.end(), m_initialCell[std::size_t(layer)].begin());
}

void Trace::append(const StepValues &step, const std::vector<std::array<const float *, kQuantityCount>> &layerValues) {
  for (int layer = 0; layer < m_layers; ++layer)
    for (int q = 0; q < kQuantityCount; ++q) {
      const float *values = layerValues[std::size_t(layer)][std::size_t(q)];
      auto &block = m_blocks[blockIndex(layer, Quantity(q))];
      block.insert(block.end(), values, values + m_units);
    }
  m_tokens.push_back(step.token);
  m_inputs.insert(m_inputs.end(), step.input.begin(), step.input.end());
  m_topNext.insert(m_topNext.end(), step.topNext.begin(), step.topNext.end());
  m_predictions.insert(m_predictions.end(), step.prediction.begin(), step.prediction.end());
  m_losses.push_back(std::numeric_limits<float>::quiet_NaN());
  m_interventions.insert(m_interventions.end(), step.interventions.begin(), step.interventions.end());
  m_interventionStart.push_back(m_interventions.size());
  ++m_steps;
}

void Trace::truncate(int steps) {
  steps = std::clamp(steps, 0, m_steps);
  const auto n = std::size_t(steps);
  for (auto &block : m_blocks)
    block.resize(n * std::size_t(m_units));
  m_tokens.resize(n);
  m_inputs.resize(n * std::size_t(m_inputWidth));
  m_topNext.resize(n * std::size_t(m_topK));
  m_predictions.resize(n * std::size_t(m_predictionWidth));
  m_losses.resize(n);
  if (n > 0)
    m_losses.back() = std::numeric_limits<float>::quiet_NaN();
  m_interventionStart.resize(n + 1);
  m_interventions.resize(m_interventionStart.back());
  m_steps = steps;
}

} // namespace lstm

#include "stepper.h"


#include <algorithm>
#include <cmath>
#include <numeric>

namespace lstm {

Stepper::Stepper(std::shared_ptr<const Model> model, int topK)
    : m_model(std::move(model)), m_trace(m_model->config, topK) {
  const ModelConfig &config = m_model->config;
  const int H = config.hiddenSize;
  m_result.layers.resize(std::size_t(config.numLayers));
  m_state.resize(std::size_t(config.numLayers));
  for (int k = 0; k < config.numLayers; ++k) {
    auto &values = m_result.layers[std::size_t(k)];
    values.preActivations = values.gates = Vector<float>::Zero(4 * H);
    values.cell = values.hidden = Vector<float>::Zero(H);
    m_state[std::size_t(k)] = {Vector<float>::Zero(H), Vector<float>::Zero(H)};
    const auto &params = m_model->parameters;
    m_biasSum.push_back(params.biasIh(k) + params.biasHh(k));
    m_cells.emplace_back().setZero(H);
  }
  m_result.output = Vector<float>::Zero(config.outputWidth());
  m_order.resize(config.head == HeadKind::Softmax ? std::size_t(config.vocabSize) : 0);
  m_top.resize(std::size_t(m_trace.topK()));
  m_rowPointers.resize(std::size_t(config.numLayers));
}

const StepResult &Stepper::step(std::int32_t token) { return advance(token, {}); }

const StepResult &Stepper::step(std::span<const float> input) { return advance(-1, input); }

const StepResult &Stepper::advance(std::int32_t token, std::span<const float> input) {
  const ModelConfig &config = m_model->config;
  // The previous step's prediction can now be scored against this input.
  if (m_recording && m_trace.steps() > 0) {
    const int previous = m_trace.steps() - 1;
    if (config.head == HeadKind::Softmax && token >= 0)
      m_trace.setLoss(previous, -std::log(std::max(m_result.output(token), std::numeric_limits<float>::min())));
    else if (config.head == HeadKind::Regression && int(input.size()) == config.outputSize)
      m_trace.setLoss(previous, (m_result.output - ConstVectorMap<float>(input.data(), Eigen::Index(input.size())))
                                    .squaredNorm() / float(config.outputSize));
  }
  m_result.token = token;
  for (int layer = 0; layer < config.numLayers; ++layer) {
    runLayer(layer, input);
    m_state[std::size_t(layer)].hidden = m_result.layers[std::size_t(layer)].hidden;
    m_state[std::size_t(layer)].cell = m_result.layers[std::size_t(layer)].cell;
  }
  computeOutput(m_result.layers.back().hidden, m_result.output);
  m_result.step = m_trace.steps();
  if (m_recording)
    recordStep(input);
  return m_result;
}

void Stepper::runLayer(int layer, std::span<const float> denseInput) {
  const ModelConfig &config = m_model->config;
  const Parameters<float> &params = m_model->parameters;
  LstmCellInput<float> input;
  if (layer > 0) {
    const Vector<float> &below = m_cells[std::size_t(layer - 1)].hidden;
    input.values = {below.data(), std::size_t(below.size())};
  } else if (config.input == InputKind::OneHot) {
    input.oneHotColumn = m_result.token;
  } else if (config.input == InputKind::Embedding) {
    input.values = {params.embedding().col(m_result.token).data(), std::size_t(config.embedDim)};
  } else {
    input.values = denseInput;
  }
  const LayerState &previous = m_state[std::size_t(layer)];
  LstmCellValues<float> &cell = m_cells[std::size_t(layer)];
  lstmCellForward(layerCellWeights(params, layer, m_biasSum[std::size_t(layer)]), input, previous.hidden,
                  previous.cell, {m_interventions, layer, m_cellOrder}, cell);
  LayerStepValues &values = m_result.layers[std::size_t(layer)];
  values.preActivations = cell.preActivations;
  values.gates = cell.gates;
  values.cell = cell.cell;
  values.hidden = cell.hidden;
}

void Stepper::computeOutput(const Eigen::Ref<const Vector<float>> &topHidden, Vector<float> &out) const {
  const Parameters<float> &params = m_model->parameters;
  out = params.headBias();
  out.noalias() += params.headWeight() * topHidden;
  if (m_model->config.head == HeadKind::Softmax) {
    out.array() = (out.array() - out.maxCoeff()).exp();
    out /= out.sum();
  }
}

void Stepper::recordStep(std::span<const float> denseInput) {
  const ModelConfig &config = m_model->config;
  const int H = config.hiddenSize;
  if (config.head == HeadKind::Softmax) {
    const auto k = m_top.size();
    std::iota(m_order.begin(), m_order.end(), 0);
    // Ties go to the lower id so the order is deterministic.
    std::partial_sort(m_order.begin(), m_order.begin() + std::ptrdiff_t(k), m_order.end(),
                      [&](std::int32_t x, std::int32_t y) {
                        return m_result.output(x) > m_result.output(y) ||
                               (m_result.output(x) == m_result.output(y) && x < y);
                      });
    for (std::size_t j = 0; j < k; ++j)
      m_top[j] = {m_order[j], m_result.output(m_order[j])};
  }
  for (int layer = 0; layer < config.numLayers; ++layer) {
    const LayerStepValues &v = m_result.layers[std::size_t(layer)];
    auto &rows = m_rowPointers[std::size_t(layer)];
    for (int gate = 0; gate < 4; ++gate) {
      rows[std::size_t(gate)] = v.gates.data() + gate * H;
      rows[std::size_t(int(Quantity::InputPre) + gate)] = v.preActivations.data() + gate * H;
    }
    rows[std::size_t(Quantity::Cell)] = v.cell.data();
    rows[std::size_t(Quantity::Hidden)] = v.hidden.data();
  }
  Trace::StepValues step;
  step.token = m_result.token;
  step.input = denseInput;
  if (config.head == HeadKind::Softmax)
    step.topNext = m_top;
  else
    step.prediction = {m_result.output.data(), std::size_t(m_result.output.size())};
  step.interventions = m_interventions;
  m_trace.append(step, m_rowPointers);
}

bool Stepper::back() {
  if (m_trace.steps() == 0)
    return false;
  m_trace.truncate(m_trace.steps() - 1);
  loadStateFromTrace(m_trace.steps() - 1);
  return true;
}

void Stepper::loadStateFromTrace(int lastStep) {
  const ModelConfig &config = m_model->config;
  const int H = config.hiddenSize;
  for (int layer = 0; layer < config.numLayers; ++layer) {
    LayerState &state = m_state[std::size_t(layer)];
    LayerStepValues &values = m_result.layers[std::size_t(layer)];
    if (lastStep < 0) {
      state.hidden = ConstVectorMap<float>(m_trace.initialHidden(layer).data(), H);
      state.cell = ConstVectorMap<float>(m_trace.initialCell(layer).data(), H);
      values.preActivations.setZero();
      values.gates.setZero();
      values.cell = state.cell;
      values.hidden = state.hidden;
      continue;
    }
    for (int gate = 0; gate < 4; ++gate) {
      values.gates.segment(gate * H, H) = m_trace.quantity(layer, Quantity(gate)).row(lastStep).transpose();
      values.preActivations.segment(gate * H, H) =
          m_trace.quantity(layer, Quantity(int(Quantity::InputPre) + gate)).row(lastStep).transpose();
    }
    values.cell = m_trace.quantity(layer, Quantity::Cell).row(lastStep).transpose();
    values.hidden = m_trace.quantity(layer, Quantity::Hidden).row(lastStep).transpose();
    state.hidden = values.hidden;
    state.cell = values.cell;
  }
  m_result.step = lastStep;
  m_result.token = lastStep < 0 ? -1 : m_trace.token(lastStep);
  if (lastStep < 0)
    m_result.output.setZero();
  else
    computeOutput(m_result.layers.back().hidden, m_result.output);
}

void Stepper::reset() {
  const int H = m_model->config.hiddenSize;
  const std::vector<float> zeros(std::size_t(H), 0.0f);
  for (int layer = 0; layer < m_model->config.numLayers; ++layer)
    m_trace.setInitialState(layer, zeros, zeros);
  m_trace.clear();
  loadStateFromTrace(-1);
}

void Stepper::setRecording(bool on) {
  const NetworkState current = m_state;
  const StepResult result = m_result;
  setState(current);
  m_result = result; // the last step's values stay readable through current()
  m_recording = on;
}

NetworkState Stepper::state() const { return m_state; }

bool Stepper::setState(const NetworkState &state) {
  const ModelConfig &config = m_model->config;
  if (int(state.size()) != config.numLayers)
    return false;
  for (const LayerState &layer : state)
    if (layer.hidden.size() != config.hiddenSize || layer.cell.size() != config.hiddenSize)
      return false;
  for (int layer = 0; layer < config.numLayers; ++layer) {
    const LayerState &s = state[std::size_t(layer)];
    m_trace.setInitialState(layer, {s.hidden.data(), std::size_t(s.hidden.size())},
                            {s.cell.data(), std::size_t(s.cell.size())});
  }
  m_trace.clear();
  loadStateFromTrace(-1);
  return true;
}

bool Stepper::addIntervention(const Intervention &intervention) {
  const ModelConfig &config = m_model->config;
  if (intervention.layer < 0 || intervention.layer >= config.numLayers || intervention.unit < 0 ||
      intervention.unit >= config.hiddenSize || !std::isfinite(intervention.value))
    return false;
  m_interventions.push_back(intervention);
  return true;
}

bool Stepper::setCellOrder(const CellOrder &order) {
  if (!isValidCellOrder(order))
    return false;
  m_cellOrder = order;
  return true;
}

void Stepper::removeIntervention(int index) {
  if (index >= 0 && index < int(m_interventions.size()))
    m_interventions.erase(m_interventions.begin() + index);
}

void Stepper::outputAt(int step, Vector<float> &out) const {
  const int top = m_model->config.numLayers - 1;
  computeOutput(m_trace.quantity(top, Quantity::Hidden).row(step).transpose(), out);
}

} // namespace lstm

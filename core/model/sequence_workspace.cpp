#include "sequence_workspace.h"

#include <algorithm>

namespace lstm {

template <typename Scalar>
SequenceWorkspace<Scalar>::SequenceWorkspace(const ModelConfig &config, int steps, int batch)
    : m_config(config), m_steps(steps), m_batch(batch) {
  const int H = config.hiddenSize;
  const int N = steps * batch;
  const int O = config.outputWidth();
  if (config.usesTokens())
    tokens.assign(std::size_t(N), 0);
  else
    denseInput = Matrix<Scalar>::Zero(config.inputSize, N);
  if (config.head == HeadKind::Softmax)
    targetTokens.assign(std::size_t(N), 0);
  else
    targetValues = Matrix<Scalar>::Zero(O, N);
  if (config.input == InputKind::Embedding)
  {
    embedded = Matrix<Scalar>::Zero(config.embedDim, N);
    dEmbedded = Matrix<Scalar>::Zero(config.embedDim, N);
  }
  layers.resize(std::size_t(config.numLayers));
  for (auto &layer : layers) {
    layer.gates = Matrix<Scalar>::Zero(4 * H, N);
    layer.cells = Matrix<Scalar>::Zero(H, N + batch);
    layer.tanhCells = Matrix<Scalar>::Zero(H, N);
    layer.hidden = Matrix<Scalar>::Zero(H, N + batch);
    layer.dGates = Matrix<Scalar>::Zero(4 * H, N);
    layer.dHidden = Matrix<Scalar>::Zero(H, N);
    layer.biasSum = Vector<Scalar>::Zero(4 * H);
  }
  output = Matrix<Scalar>::Zero(O, N);
  if (config.head == HeadKind::Softmax)
    probabilities = Matrix<Scalar>::Zero(O, N);
  dOutput = Matrix<Scalar>::Zero(O, N);
  dh = dc = dhNext = dcNext = Matrix<Scalar>::Zero(H, batch);

  int widestInput = H; // X of any layer
  if (config.input == InputKind::Embedding)
    widestInput = std::max(widestInput, config.embedDim);
  if (config.input == InputKind::Dense)
    widestInput = std::max(widestInput, config.inputSize);
  plans.recurrent = GemmPlan<Scalar>(false, false, 4 * H, batch, H);
  plans.recurrentBackward = GemmPlan<Scalar>(true, false, H, batch, 4 * H);
  plans.inputProjection = GemmPlan<Scalar>(false, false, 4 * H, N, widestInput);
  plans.weightGradient = GemmPlan<Scalar>(false, true, 4 * H, widestInput, N);
  plans.inputGradient = GemmPlan<Scalar>(true, false, widestInput, N, 4 * H);
  plans.head = GemmPlan<Scalar>(false, false, O, N, H);
  plans.headWeightGradient = GemmPlan<Scalar>(false, true, O, H, N);
  plans.headInputGradient = GemmPlan<Scalar>(true, false, H, N, O);
  GemmPlan<Scalar> *all[] = {&plans.recurrent,     &plans.recurrentBackward, &plans.inputProjection,
                             &plans.weightGradient, &plans.inputGradient,     &plans.head,
                             &plans.headWeightGradient, &plans.headInputGradient};
  for (GemmPlan<Scalar> *plan : all)
    m_arena.reserveFor(*plan);
  for (GemmPlan<Scalar> *plan : all)
    plan->bind(m_arena.packA.data(), m_arena.packB.data());
}

template <typename Scalar>
void SequenceWorkspace<Scalar>::resetState() {
  for (int k = 0; k < int(layers.size()); ++k) {
    initialHidden(k).setZero();
    initialCell(k).setZero();
  }
}

template <typename Scalar>
void SequenceWorkspace<Scalar>::carryState() {
  for (int k = 0; k < int(layers.size()); ++k) {
    initialHidden(k) = finalHidden(k);
    initialCell(k) = finalCell(k);
  }
}

template class SequenceWorkspace<float>;
template class SequenceWorkspace<double>;

} // namespace lstm

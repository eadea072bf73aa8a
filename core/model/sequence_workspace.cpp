#include "sequence_workspace.h"

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

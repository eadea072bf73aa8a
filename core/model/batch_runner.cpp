#include "batch_runner.h"

#include "sequence_pass.h"

#include <algorithm>

namespace lstm {

template <typename Scalar>
struct BatchRunner<Scalar>::Part {
  int firstStream = 0;
  SequenceWorkspace<Scalar> workspace;
  Parameters<Scalar> grads; // unused by part 0, which writes into the caller's buffer
  double loss = 0.0;
};

template <typename Scalar>
BatchRunner<Scalar>::BatchRunner(const ModelConfig &config, int steps, int batch, int threads)
    : m_config(config), m_steps(steps), m_batch(batch), m_pool(std::clamp(threads, 1, batch)) {
  const int parts = m_pool.size();
  for (int p = 0; p < parts; ++p) {
    auto part = std::make_unique<Part>();
    part->firstStream = batch * p / parts;
    const int width = batch * (p + 1) / parts - part->firstStream;
    part->workspace = SequenceWorkspace<Scalar>(config, steps, width);
    if (p > 0)
      part->grads = Parameters<Scalar>(config);
    m_parts.push_back(std::move(part));
  }
}

template <typename Scalar>
BatchRunner<Scalar>::~BatchRunner() = default;

template <typename Scalar>
template <typename Fn>
void BatchRunner<Scalar>::forEachColumn(Fn &&copyColumn) {
  for (auto &part : m_parts) {
    const int width = part->workspace.batch();
    for (int t = 0; t < m_steps; ++t)
      for (int b = 0; b < width; ++b)
        copyColumn(part->workspace, t * width + b, t * m_batch + part->firstStream + b);
  }
}

template <typename Scalar>
void BatchRunner<Scalar>::setTokens(std::span<const std::int32_t> tokens) {
  forEachColumn([&](SequenceWorkspace<Scalar> &ws, int local, int global) {
    ws.tokens[std::size_t(local)] = tokens[std::size_t(global)];
  });
}

template <typename Scalar>
void BatchRunner<Scalar>::setTargetTokens(std::span<const std::int32_t> targets) {
  forEachColumn([&](SequenceWorkspace<Scalar> &ws, int local, int global) {
    ws.targetTokens[std::size_t(local)] = targets[std::size_t(global)];
  });
}

template <typename Scalar>
void BatchRunner<Scalar>::setDenseInput(const Matrix<Scalar> &input) {
  forEachColumn(
      [&](SequenceWorkspace<Scalar> &ws, int local, int global) { ws.denseInput.col(local) = input.col(global); });
}

template <typename Scalar>
void BatchRunner<Scalar>::setTargetValues(const Matrix<Scalar> &targets) {
  forEachColumn([&](SequenceWorkspace<Scalar> &ws, int local, int global) {
    ws.targetValues.col(local) = targets.col(global);
  });
}

template <typename Scalar>
double BatchRunner<Scalar>::forwardBackward(const Parameters<Scalar> &params, Parameters<Scalar> &grads) {
  const double normalizer = lossNormalizer(m_config, std::int64_t(m_steps) * m_batch);
  const auto scale = Scalar(1.0 / normalizer);
  m_pool.run([&](int p) {
    Part &part = *m_parts[std::size_t(p)];
    Parameters<Scalar> &target = p == 0 ? grads : part.grads;
    target.setZero();
    part.loss = forwardPass(params, part.workspace);
    backwardPass(params, part.workspace, target, scale);
  });
  if (m_parts.size() > 1) {
    // Sum the parts' gradients into part 0's, each worker taking one contiguous slice of the flat buffer.
    const std::int64_t total = grads.size();
    const int workers = m_pool.size();
    m_pool.run([&](int w) {
      const std::int64_t begin = total * w / workers, end = total * (w + 1) / workers;
      auto slice = grads.flat().segment(begin, end - begin);
      for (std::size_t p = 1; p < m_parts.size(); ++p)
        slice += m_parts[p]->grads.flat().segment(begin, end - begin);
    });
  }
  double loss = 0.0;
  for (const auto &part : m_parts)
    loss += part->loss;
  return loss / normalizer;
}

template <typename Scalar>
double BatchRunner<Scalar>::forward(const Parameters<Scalar> &params) {
  m_pool.run([&](int p) {
    Part &part = *m_parts[std::size_t(p)];
    part.loss = forwardPass(params, part.workspace);
  });
  double loss = 0.0;
  for (const auto &part : m_parts)
    loss += part->loss;
  return loss / lossNormalizer(m_config, std::int64_t(m_steps) * m_batch);
}

template <typename Scalar>
void BatchRunner<Scalar>::setCancelFlag(const std::atomic<bool> *flag) {
  for (auto &part : m_parts)
    part->workspace.cancel = flag;
}

template <typename Scalar>
void BatchRunner<Scalar>::resetState() {
  for (auto &part : m_parts)
    part->workspace.resetState();
}

template <typename Scalar>
void BatchRunner<Scalar>::carryState() {
  for (auto &part : m_parts)
    part->workspace.carryState();
}

template <typename Scalar>
std::pair<typename BatchRunner<Scalar>::Part *, int> BatchRunner<Scalar>::locate(int stream) const {
  for (std::size_t p = m_parts.size(); p-- > 0;)
    if (stream >= m_parts[p]->firstStream)
      return {m_parts[p].get(), stream - m_parts[p]->firstStream};
  return {m_parts.front().get(), 0};
}

template <typename Scalar>
Vector<Scalar> BatchRunner<Scalar>::hiddenState(int layer, int stream) const {
  auto [part, column] = locate(stream);
  return part->workspace.initialHidden(layer).col(column);
}

template <typename Scalar>
Vector<Scalar> BatchRunner<Scalar>::cellState(int layer, int stream) const {
  auto [part, column] = locate(stream);
  return part->workspace.initialCell(layer).col(column);
}

template <typename Scalar>
void BatchRunner<Scalar>::setState(int layer, int stream, const Vector<Scalar> &hidden, const Vector<Scalar> &cell) {
  auto [part, column] = locate(stream);
  part->workspace.initialHidden(layer).col(column) = hidden;
  part->workspace.initialCell(layer).col(column) = cell;
}

template class BatchRunner<float>;
template class BatchRunner<double>;

} // namespace lstm

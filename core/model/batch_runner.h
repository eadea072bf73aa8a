#pragma once
// Forward/backward over a (T × B) window split across threads by streams: worker p owns streams
// [begin_p, end_p) with its own workspace and gradient buffer, runs the whole window for them without
// synchronising, and the gradients are summed in a fixed order afterwards. Same thread count ⇒ same bits.
// Data-parallel beats splitting each GEMM here: the per-step products are too small to share well.
#include "parameters.h"
#include "sequence_workspace.h"
#include "worker_pool.h"

#include <memory>
#include <span>

namespace lstm {

template <typename Scalar>
class BatchRunner {
public:
  // Precondition: config.validate() holds, steps ≥ 1, batch ≥ 1, threads ≥ 1 (more than batch is clamped).
  BatchRunner(const ModelConfig &config, int steps, int batch, int threads);
  ~BatchRunner();

  int steps() const { return m_steps; }
  int batch() const { return m_batch; }
  int threads() const { return int(m_parts.size()); }

  // Inputs and targets in window order: column t·B + b. Token ids must lie in [0, V).
  void setTokens(std::span<const std::int32_t> tokens);       // (N)
  void setTargetTokens(std::span<const std::int32_t> targets); // (N)
  void setDenseInput(const Matrix<Scalar> &input);             // (X, N)
  void setTargetValues(const Matrix<Scalar> &targets);         // (D, N)

  // Mean loss of the window; `grads` (same config) is overwritten with its gradient.
  double forwardBackward(const Parameters<Scalar> &params, Parameters<Scalar> &grads);
  // Mean loss of the window, no gradient (evaluation).
  double forward(const Parameters<Scalar> &params);

  // Raising *flag makes running passes stop within one time step; their results are then meaningless.
  void setCancelFlag(const std::atomic<bool> *flag);

  void resetState();  // every stream starts from zero
  void carryState();  // the next window starts where the last forward pass ended

  // State of stream b at the start of the next window: (H) vectors of `layer`.
  Vector<Scalar> hiddenState(int layer, int stream) const;
  Vector<Scalar> cellState(int layer, int stream) const;
  void setState(int layer, int stream, const Vector<Scalar> &hidden, const Vector<Scalar> &cell);

private:
  struct Part;
  template <typename Fn>
  void forEachColumn(Fn &&copyColumn);
  std::pair<Part *, int> locate(int stream) const;

  ModelConfig m_config;
  int m_steps, m_batch;
  std::vector<std::unique_ptr<Part>> m_parts;
  WorkerPool m_pool;
};

extern template class BatchRunner<float>;
extern template class BatchRunner<double>;

} // namespace lstm

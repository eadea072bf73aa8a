#pragma once
// A plain (Elman) tanh RNN character model, the comparison the gradient-flow lesson needs (PyTorch nn.RNN with
// nonlinearity="tanh" and one-hot input, plus an nn.Linear head):
//   h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)      x_t = onehot(token_t), so W_ih·x_t = W_ih.col(token_t)
//   z_t = W_out·h_t + b_out                                  loss = Σ_t −log softmax(z_t)[target_t]
// Shape letters as tensor_types.h: V vocabulary, H hidden, T steps, B streams, N = T·B columns ordered t·B + b.
// All functions are reentrant; a TanhRnn is a plain value (copy it to hand it to another thread).
#include "rng.h"
#include "tensor_types.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace lstm {

template <typename Scalar>
class TanhRnn {
public:
  TanhRnn() = default;
  // Zero parameters. Preconditions: vocabSize ≥ 1, hiddenSize ≥ 1.
  TanhRnn(int vocabSize, int hiddenSize);

  int vocabSize() const { return m_vocab; }   // V
  int hiddenSize() const { return m_hidden; } // H
  // All parameters in one buffer, in this order: W_ih (H, V), W_hh (H, H), b_ih (H), b_hh (H), W_out (V, H), b_out (V).
  Vector<Scalar> &flat() { return m_values; }
  const Vector<Scalar> &flat() const { return m_values; }
  std::int64_t size() const { return m_values.size(); }

  ConstMatrixMap<Scalar> weightIh() const { return {m_values.data(), m_hidden, m_vocab}; }                   // (H, V)
  ConstMatrixMap<Scalar> weightHh() const { return {m_values.data() + offHh(), m_hidden, m_hidden}; }        // (H, H)
  ConstVectorMap<Scalar> biasIh() const { return {m_values.data() + offBiasIh(), m_hidden}; }                // (H)
  ConstVectorMap<Scalar> biasHh() const { return {m_values.data() + offBiasHh(), m_hidden}; }                // (H)
  ConstMatrixMap<Scalar> outWeight() const { return {m_values.data() + offOut(), m_vocab, m_hidden}; }       // (V, H)
  ConstVectorMap<Scalar> outBias() const { return {m_values.data() + offOutBias(), m_vocab}; }               // (V)
  MatrixMap<Scalar> weightIh() { return {m_values.data(), m_hidden, m_vocab}; }
  MatrixMap<Scalar> weightHh() { return {m_values.data() + offHh(), m_hidden, m_hidden}; }
  VectorMap<Scalar> biasIh() { return {m_values.data() + offBiasIh(), m_hidden}; }
  VectorMap<Scalar> biasHh() { return {m_values.data() + offBiasHh(), m_hidden}; }
  MatrixMap<Scalar> outWeight() { return {m_values.data() + offOut(), m_vocab, m_hidden}; }
  VectorMap<Scalar> outBias() { return {m_values.data() + offOutBias(), m_vocab}; }

  // PyTorch's default init drawn from `rng`: every parameter ~ U(−1/√H, 1/√H), in buffer order.
  void initialize(Rng &rng);

  template <typename Other>
  TanhRnn<Other> cast() const {
    TanhRnn<Other> result(m_vocab, m_hidden);
    result.flat() = m_values.template cast<Other>();
    return result;
  }

private:
  std::int64_t offHh() const { return std::int64_t(m_hidden) * m_vocab; }
  std::int64_t offBiasIh() const { return offHh() + std::int64_t(m_hidden) * m_hidden; }
  std::int64_t offBiasHh() const { return offBiasIh() + m_hidden; }
  std::int64_t offOut() const { return offBiasHh() + m_hidden; }
  std::int64_t offOutBias() const { return offOut() + std::int64_t(m_vocab) * m_hidden; }

  int m_vocab = 0, m_hidden = 0;
  Vector<Scalar> m_values;
};

// Caches of one forward pass over a (T × B) window, read by the backward pass. Sized by the forward pass.
template <typename Scalar>
struct TanhRnnCache {
  int steps = 0, batch = 0;
  std::vector<std::int32_t> tokens, targets; // (N)
  Matrix<Scalar> hidden;                     // (H, N + B): initial state in the first B columns, then h_0 … h_{T−1}
  Matrix<Scalar> probabilities;              // (V, N) softmax(z)
};

// Runs the window `tokens` (N = T·B, column t·B + b) from `initial` (H, B) and returns the loss summed over the N
// predictions of `targets` (N). Preconditions: ids in [0, V), tokens.size() == targets.size() == T·B.
template <typename Scalar>
double tanhRnnForward(const TanhRnn<Scalar> &rnn, std::span<const std::int32_t> tokens,
                      std::span<const std::int32_t> targets, int batch, const Matrix<Scalar> &initial,
                      TanhRnnCache<Scalar> &cache);

// Accumulates (+=) into `grads` the gradient of lossScale · (summed loss of the forward pass that filled `cache`),
// truncated at the window's start (no gradient into the initial state).
template <typename Scalar>
void tanhRnnBackward(const TanhRnn<Scalar> &rnn, const TanhRnnCache<Scalar> &cache, TanhRnn<Scalar> &grads,
                     Scalar lossScale);

// Hidden states h_0 … h_{T−1} (H, T) after reading `tokens` one stream from `initial` (H).
template <typename Scalar>
Matrix<Scalar> tanhRnnStates(const TanhRnn<Scalar> &rnn, std::span<const std::int32_t> tokens,
                             const Vector<Scalar> &initial);

// loss_t = −log p(target | tokens of the window) of the window's last prediction, read from `initial` (H), with
// `delta` (H, optional) added to h_{deltaStep} right after it is computed (the finite-difference probe).
double tanhRnnWindowLoss(const TanhRnn<double> &rnn, std::span<const std::int32_t> tokens, std::int32_t target,
                         const Vector<double> &initial, int deltaStep = -1, const Vector<double> *delta = nullptr);

// [k] = ‖∂loss_t/∂h_{t−k}‖₂ for k = 0 … T−1, t the window's last step: the total derivative through every later
// step, as gradient_flow.h defines it for the LSTM. Same preconditions as tanhRnnWindowLoss.
std::vector<double> tanhRnnHiddenFlow(const TanhRnn<double> &rnn, std::span<const std::int32_t> tokens,
                                      std::int32_t target, const Vector<double> &initial);

// ---- training (tanh_rnn_training.cpp)

struct TanhRnnTrainingOptions {
  int hiddenSize = 32;          // H
  int steps = 32;               // T of truncated BPTT
  int batch = 16;               // B parallel streams; the state is carried from window to window
  double learningRate = 3e-3;   // Adam
  double clipNorm = 5.0;        // global gradient-norm clip (plain RNNs explode without it)
  std::int64_t iterations = 500;
  double timeBudgetSeconds = 0; // > 0: stop after this much wall time even before `iterations` (then the result
                                // depends on the machine's speed); 0: no limit, same seed ⇒ identical weights
  std::uint64_t seed = 1;
};

struct TanhRnnTrainingProgress {
  std::int64_t iteration = 0;       // completed
  std::int64_t totalIterations = 0;
  double loss = 0.0;                // mean loss of this iteration's window (nats per character)
  double elapsedSeconds = 0.0;
  double fraction = 0.0;            // of the iterations or of the time budget, whichever is further along
};

struct TanhRnnTrainingResult {
  TanhRnn<float> rnn;
  std::int64_t iterations = 0;
  double firstLoss = 0.0; // mean loss of the first window
  double lastLoss = 0.0;  // mean loss over the last (up to 20) windows
  bool cancelled = false;
};

// Trains a TanhRnn over `tokens` (ids < vocabSize; at least batch·(steps+1) of them), char-rnn style like
// Trainer: B streams, T-step windows, state carried and reset each epoch, Adam, clipping. Calls onProgress after
// every iteration on the calling thread; stops within one iteration of `cancel` being raised. Any thread.
TanhRnnTrainingResult trainTanhRnn(std::span<const std::int32_t> tokens, int vocabSize,
                                   const TanhRnnTrainingOptions &options, const std::atomic<bool> &cancel,
                                   const std::function<void(const TanhRnnTrainingProgress &)> &onProgress = {});

extern template class TanhRnn<float>;
extern template class TanhRnn<double>;

} // namespace lstm

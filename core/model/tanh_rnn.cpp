#include "tanh_rnn.h"

#include <cmath>

namespace lstm {

template <typename Scalar>
TanhRnn<Scalar>::TanhRnn(int vocabSize, int hiddenSize) : m_vocab(vocabSize), m_hidden(hiddenSize) {
  const std::int64_t V = vocabSize, H = hiddenSize;
  m_values = Vector<Scalar>::Zero(H * V + H * H + 2 * H + V * H + V);
}

template <typename Scalar>
void TanhRnn<Scalar>::initialize(Rng &rng) {
  const double bound = 1.0 / std::sqrt(double(m_hidden));
  for (auto &value : m_values)
    value = Scalar(rng.uniform(-bound, bound));
}

template class TanhRnn<float>;
template class TanhRnn<double>;

template <typename Scalar>
double tanhRnnForward(const TanhRnn<Scalar> &rnn, std::span<const std::int32_t> tokens,
                      std::span<const std::int32_t> targets, int batch, const Matrix<Scalar> &initial,
                      TanhRnnCache<Scalar> &cache) {
  const int B = batch, N = int(tokens.size()), T = N / B, H = rnn.hiddenSize(), V = rnn.vocabSize();
  cache.steps = T;
  cache.batch = B;
  cache.tokens.assign(tokens.begin(), tokens.end());
  cache.targets.assign(targets.begin(), targets.end());
  cache.hidden.resize(H, N + B);
  cache.hidden.leftCols(B) = initial;
  const Vector<Scalar> biasSum = rnn.biasIh() + rnn.biasHh();
  const auto wIh = rnn.weightIh();
  for (int t = 0; t < T; ++t) {
    // h_t = tanh(W_ih·onehot(x_t) + b_ih + W_hh·h_{t−1} + b_hh), all B streams at once
    auto next = cache.hidden.middleCols((t + 1) * B, B);
    next.noalias() = rnn.weightHh() * cache.hidden.middleCols(t * B, B);
    for (int b = 0; b < B; ++b)
      next.col(b) += wIh.col(tokens[std::size_t(t * B + b)]) + biasSum;
    next.array() = next.array().tanh();
  }
  // z = W_out·h + b_out; loss = Σ log Σ exp(z) − z_y (log-sum-exp)
  cache.probabilities.resize(V, N);
  cache.probabilities.noalias() = rnn.outWeight() * cache.hidden.rightCols(N);
  cache.probabilities.colwise() += rnn.outBias();
  double loss = 0.0;
  for (int n = 0; n < N; ++n) {
    auto column = cache.probabilities.col(n);
    const Scalar maxLogit = column.maxCoeff();
    const Scalar target = column(targets[std::size_t(n)]);
    column.array() = (column.array() - maxLogit).exp();
    const Scalar sum = column.sum();
    column /= sum;
    loss += double(std::log(sum)) + double(maxLogit) - double(target);
  }
  return loss;
}

template <typename Scalar>
void tanhRnnBackward(const TanhRnn<Scalar> &rnn, const TanhRnnCache<Scalar> &cache, TanhRnn<Scalar> &grads,
                     Scalar lossScale) {
  const int B = cache.batch, T = cache.steps, N = T * B, H = rnn.hiddenSize();
  // ∂(−log softmax(z)_y)/∂z = p − onehot(y)
  Matrix<Scalar> dLogits = cache.probabilities;
  for (int n = 0; n < N; ++n)
    dLogits(cache.targets[std::size_t(n)], n) -= Scalar(1);
  dLogits *= lossScale;
  const auto hidden = cache.hidden.rightCols(N);
  grads.outWeight().noalias() += dLogits * hidden.transpose();
  grads.outBias() += dLogits.rowwise().sum();
  Matrix<Scalar> dPre(H, N);
  dPre.noalias() = rnn.outWeight().transpose() * dLogits; // ∂loss/∂h_t from the head
  // Back through time: dh_t = (head) + W_hhᵀ·dpre_{t+1}; dpre_t = dh_t ⊙ (1 − h_t²).
  Matrix<Scalar> dhNext = Matrix<Scalar>::Zero(H, B);
  for (int t = T - 1; t >= 0; --t) {
    auto dpre = dPre.middleCols(t * B, B);
    dpre += dhNext;
    dpre.array() *= Scalar(1) - cache.hidden.middleCols((t + 1) * B, B).array().square();
    if (t > 0)
      dhNext.noalias() = rnn.weightHh().transpose() * dpre;
  }
  // Weight gradients of every step in one GEMM each: Σ_t dpre_t·h_{t−1}ᵀ; the one-hot input scatters into W_ih.
  grads.weightHh().noalias() += dPre * cache.hidden.leftCols(N).transpose();
  const Vector<Scalar> dBias = dPre.rowwise().sum();
  grads.biasIh() += dBias;
  grads.biasHh() += dBias;
  auto dWih = grads.weightIh();
  for (int n = 0; n < N; ++n)
    dWih.col(cache.tokens[std::size_t(n)]) += dPre.col(n);
}

template <typename Scalar>
Matrix<Scalar> tanhRnnStates(const TanhRnn<Scalar> &rnn, std::span<const std::int32_t> tokens,
                             const Vector<Scalar> &initial) {
  const int T = int(tokens.size());
  Matrix<Scalar> states(rnn.hiddenSize(), T);
  const Vector<Scalar> biasSum = rnn.biasIh() + rnn.biasHh();
  Vector<Scalar> h = initial;
  for (int t = 0; t < T; ++t) {
    states.col(t).noalias() = rnn.weightHh() * h;
    states.col(t) += rnn.weightIh().col(tokens[std::size_t(t)]) + biasSum;
    states.col(t).array() = states.col(t).array().tanh();
    h = states.col(t);
  }
  return states;
}

namespace {

// h_0 … h_{T−1} of one stream with the optional probe added to h_{deltaStep}, then the last step's logits.
Matrix<double> windowStates(const TanhRnn<double> &rnn, std::span<const std::int32_t> tokens,
                            const Vector<double> &initial, int deltaStep, const Vector<double> *delta) {
  const int T = int(tokens.size());
  Matrix<double> states(rnn.hiddenSize(), T);
  const Vector<double> biasSum = rnn.biasIh() + rnn.biasHh();
  for (int t = 0; t < T; ++t) {
    states.col(t).noalias() = rnn.weightHh() * (t == 0 ? initial : Vector<double>(states.col(t - 1)));
    states.col(t) += rnn.weightIh().col(tokens[std::size_t(t)]) + biasSum;
    states.col(t).array() = states.col(t).array().tanh();
    if (delta && t == deltaStep)
      states.col(t) += *delta;
  }
  return states;
}

} // namespace

double tanhRnnWindowLoss(const TanhRnn<double> &rnn, std::span<const std::int32_t> tokens, std::int32_t target,
                         const Vector<double> &initial, int deltaStep, const Vector<double> *delta) {
  const Matrix<double> states = windowStates(rnn, tokens, initial, deltaStep, delta);
  const Vector<double> logits = rnn.outWeight() * states.col(states.cols() - 1) + rnn.outBias();
  const double maxLogit = logits.maxCoeff();
  return std::log((logits.array() - maxLogit).exp().sum()) + maxLogit - logits(target);
}

std::vector<double> tanhRnnHiddenFlow(const TanhRnn<double> &rnn, std::span<const std::int32_t> tokens,
                                      std::int32_t target, const Vector<double> &initial) {
  const int T = int(tokens.size());
  const Matrix<double> states = windowStates(rnn, tokens, initial, -1, nullptr);
  Vector<double> dLogits = rnn.outWeight() * states.col(T - 1) + rnn.outBias();
  dLogits = (dLogits.array() - dLogits.maxCoeff()).exp().matrix();
  dLogits /= dLogits.sum();
  dLogits(target) -= 1.0;
  // dh_{T−1} = W_outᵀ·(p − onehot(y)); dh_{s−1} = W_hhᵀ·(dh_s ⊙ (1 − h_s²)): the total derivative w.r.t. h_{s−1}.
  std::vector<double> norms(static_cast<std::size_t>(T));
  Vector<double> dh = rnn.outWeight().transpose() * dLogits;
  for (int s = T - 1; s >= 0; --s) {
    norms[std::size_t(T - 1 - s)] = dh.norm();
    if (s > 0)
      dh = rnn.weightHh().transpose() * (dh.array() * (1.0 - states.col(s).array().square())).matrix();
  }
  return norms;
}

template double tanhRnnForward(const TanhRnn<float> &, std::span<const std::int32_t>, std::span<const std::int32_t>,
                               int, const Matrix<float> &, TanhRnnCache<float> &);
template double tanhRnnForward(const TanhRnn<double> &, std::span<const std::int32_t>, std::span<const std::int32_t>,
                               int, const Matrix<double> &, TanhRnnCache<double> &);
template void tanhRnnBackward(const TanhRnn<float> &, const TanhRnnCache<float> &, TanhRnn<float> &, float);
template void tanhRnnBackward(const TanhRnn<double> &, const TanhRnnCache<double> &, TanhRnn<double> &, double);
template Matrix<float> tanhRnnStates(const TanhRnn<float> &, std::span<const std::int32_t>, const Vector<float> &);
template Matrix<double> tanhRnnStates(const TanhRnn<double> &, std::span<const std::int32_t>, const Vector<double> &);

} // namespace lstm

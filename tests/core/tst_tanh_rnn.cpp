// The comparison tanh RNN of the gradient-flow lesson: every parameter gradient and ∂loss_t/∂h_{t−k}
// against finite differences in double; training on a generated text lowers the loss, reproducibly.
#include "data/generators.h"
#include "data/vocabulary.h"
#include "model/tanh_rnn.h"

#include <QTest>

#include <cmath>

using namespace lstm;

namespace {

TanhRnn<double> randomRnn(int V, int H, std::uint64_t seed) {
  TanhRnn<double> rnn(V, H);
  Rng rng(seed);
  rnn.initialize(rng);
  rnn.flat() *= 3.0; // out of tanh's linear region, so the check sees its curvature
  return rnn;
}

// Sixth-order central difference of f at 0 with step h.
template <typename F>
double derivative(const F &f, double h = 2e-3) {
  return (f(3 * h) - 9 * f(2 * h) + 45 * f(h) - 45 * f(-h) + 9 * f(-2 * h) - f(-3 * h)) / (60 * h);
}

double relativeError(double analytic, double numeric) {
  return std::fabs(analytic - numeric) / std::max({std::fabs(analytic), std::fabs(numeric), 1e-6});
}

std::vector<std::int32_t> parensTokens(int &vocabSize) {
  BracketOptions options;
  options.examples = 300;
  options.kinds = 1;
  const std::u32string text = generateBrackets(options, 5);
  const Vocabulary vocabulary = Vocabulary::fromText(text);
  vocabSize = vocabulary.size();
  std::vector<std::int32_t> tokens;
  for (char32_t c : text)
    tokens.push_back(vocabulary.idOf(c));
  return tokens;
}

} // namespace

class TestTanhRnn : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void everyParameterGradient();
  void hiddenFlowMatchesFiniteDifferences();
  void trainingReducesLoss();
  void sameSeedSameWeights();
  void cancelStopsWithinOneIteration();
};

void TestTanhRnn::everyParameterGradient() {
  const int V = 5, H = 4, T = 5, B = 3;
  TanhRnn<double> rnn = randomRnn(V, H, 3);
  Rng rng(11);
  std::vector<std::int32_t> tokens(T * B), targets(T * B);
  for (auto &token : tokens)
    token = std::int32_t(rng.below(V));
  for (auto &target : targets)
    target = std::int32_t(rng.below(V));
  Matrix<double> initial(H, B);
  for (auto &v : initial.reshaped())
    v = rng.uniform(-0.9, 0.9);
  TanhRnnCache<double> cache;
  const double loss = tanhRnnForward(rnn, tokens, targets, B, initial, cache) / (T * B);
  TanhRnn<double> grads(V, H);
  tanhRnnBackward(rnn, cache, grads, 1.0 / (T * B));

  double worst = 0.0;
  for (std::int64_t index = 0; index < rnn.size(); ++index) {
    const double saved = rnn.flat()(index);
    const double numeric = derivative([&](double d) {
      rnn.flat()(index) = saved + d;
      TanhRnnCache<double> probe;
      const double value = tanhRnnForward(rnn, tokens, targets, B, initial, probe) / (T * B);
      rnn.flat()(index) = saved;
      return value;
    });
    worst = std::max(worst, relativeError(grads.flat()(index), numeric));
  }
  qInfo("loss %.6f, %lld parameters, max relative error %.3g", loss, qlonglong(rnn.size()), worst);
  QVERIFY(std::isfinite(loss));
  QVERIFY2(worst <= 1e-6, qPrintable(QString::number(worst)));
  QVERIFY(grads.flat().cwiseAbs().maxCoeff() > 1e-3);
  // The embedding-free one-hot input: columns of W_ih of tokens never read get no gradient.
  for (int v = 0; v < V; ++v)
    if (std::find(tokens.begin(), tokens.end(), v) == tokens.end())
      QCOMPARE(grads.weightIh().col(v).norm(), 0.0);
}

void TestTanhRnn::hiddenFlowMatchesFiniteDifferences() {
  const int V = 6, H = 5, T = 9;
  const TanhRnn<double> rnn = randomRnn(V, H, 4);
  Rng rng(12);
  std::vector<std::int32_t> tokens(T);
  for (auto &token : tokens)
    token = std::int32_t(rng.below(V));
  Vector<double> initial(H);
  for (auto &v : initial)
    v = rng.uniform(-0.9, 0.9);
  const std::int32_t target = 2;
  const std::vector<double> flow = tanhRnnHiddenFlow(rnn, tokens, target, initial);
  QCOMPARE(int(flow.size()), T);
  for (int k = 0; k < T; ++k) {
    // ∂loss_t/∂h_{t−k} unit by unit, by perturbing h_{t−k} inside the forward pass.
    Vector<double> numeric(H);
    for (int unit = 0; unit < H; ++unit)
      numeric(unit) = derivative([&](double d) {
        Vector<double> delta = Vector<double>::Zero(H);
        delta(unit) = d;
        return tanhRnnWindowLoss(rnn, tokens, target, initial, T - 1 - k, &delta);
      });
    QVERIFY2(relativeError(flow[std::size_t(k)], numeric.norm()) <= 1e-6,
             qPrintable(QStringLiteral("k=%1: %2 vs %3").arg(k).arg(flow[std::size_t(k)]).arg(numeric.norm())));
  }
  QVERIFY(flow[0] > 1e-3);
}

void TestTanhRnn::trainingReducesLoss() {
  int V = 0;
  const std::vector<std::int32_t> tokens = parensTokens(V);
  QCOMPARE(V, 3); // '(' ')' '\n'
  TanhRnnTrainingOptions options;
  options.hiddenSize = 16;
  options.iterations = 300;
  options.learningRate = 1e-2;
  const std::atomic<bool> cancel{false};
  int calls = 0;
  const auto result = trainTanhRnn(tokens, V, options, cancel, [&](const TanhRnnTrainingProgress &p) {
    ++calls;
    QVERIFY(std::isfinite(p.loss));
  });
  qInfo("loss %.4f → %.4f", result.firstLoss, result.lastLoss);
  QCOMPARE(result.iterations, options.iterations);
  QCOMPARE(calls, int(options.iterations));
  QVERIFY(!result.cancelled);
  // Uniform guessing costs ln 3 ≈ 1.10 nats; the bracket structure is worth at least a quarter of that.
  QVERIFY(result.firstLoss > 1.0);
  QVERIFY2(result.lastLoss < 0.8, qPrintable(QString::number(result.lastLoss)));
}

void TestTanhRnn::sameSeedSameWeights() {
  int V = 0;
  const std::vector<std::int32_t> tokens = parensTokens(V);
  TanhRnnTrainingOptions options;
  options.hiddenSize = 8;
  options.iterations = 40;
  const std::atomic<bool> cancel{false};
  const auto a = trainTanhRnn(tokens, V, options, cancel);
  const auto b = trainTanhRnn(tokens, V, options, cancel);
  QVERIFY(a.rnn.flat() == b.rnn.flat());
  options.seed = 2;
  const auto c = trainTanhRnn(tokens, V, options, cancel);
  QVERIFY(a.rnn.flat() != c.rnn.flat());
}

void TestTanhRnn::cancelStopsWithinOneIteration() {
  int V = 0;
  const std::vector<std::int32_t> tokens = parensTokens(V);
  TanhRnnTrainingOptions options;
  options.hiddenSize = 8;
  options.iterations = 1000;
  std::atomic<bool> cancel{false};
  const auto result = trainTanhRnn(tokens, V, options, cancel, [&](const TanhRnnTrainingProgress &p) {
    if (p.iteration == 3)
      cancel = true;
  });
  QVERIFY(result.cancelled);
  QCOMPARE(result.iterations, 3);
  QVERIFY(result.rnn.flat().allFinite());
}

QTEST_GUILESS_MAIN(TestTanhRnn)
#include "tst_tanh_rnn.moc"

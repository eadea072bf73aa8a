// Data-parallel windows: any thread count gives the single-thread result, the same thread count gives the same
// bits, carried state equals one long window, and no gradient crosses a window boundary (truncated BPTT).
#include "model/batch_runner.h"
#include "model/sequence_pass.h"
#include "test_models.h"

#include <QTest>

using namespace lstm;

namespace {
struct Window {
  std::vector<std::int32_t> tokens, targets;
};
Window randomWindow(int columns, int vocab, std::uint64_t seed) {
  Rng rng(seed);
  Window w;
  for (int n = 0; n < columns; ++n) {
    w.tokens.push_back(std::int32_t(rng.below(std::uint64_t(vocab))));
    w.targets.push_back(std::int32_t(rng.below(std::uint64_t(vocab))));
  }
  return w;
}
} // namespace

class TestBatchRunner : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void threadCountsAgree_data();
  void threadCountsAgree();
  void sameThreadsSameBits();
  void carriedStateEqualsOneLongWindow();
  void noGradientCrossesWindows();
  void stateAccessors();
};

void TestBatchRunner::threadCountsAgree_data() {
  QTest::addColumn<int>("threads");
  QTest::newRow("2 threads") << 2;
  QTest::newRow("3 threads, uneven split of 5 streams") << 3;
  QTest::newRow("8 threads, clamped to 5 streams") << 8;
}

void TestBatchRunner::threadCountsAgree() {
  QFETCH(int, threads);
  const ModelConfig config = test::smallConfig(InputKind::Embedding, HeadKind::Softmax, 2, 8);
  const Parameters<double> params = test::randomParameters<double>(config, 1, 2.0);
  const int T = 6, B = 5;
  const Window w = randomWindow(T * B, config.vocabSize, 9);
  BatchRunner<double> single(config, T, B, 1), parallel(config, T, B, threads);
  QCOMPARE(parallel.threads(), std::min(threads, B));
  Parameters<double> g1(config), g2(config);
  for (BatchRunner<double> *runner : {&single, &parallel}) {
    runner->setTokens(w.tokens);
    runner->setTargetTokens(w.targets);
  }
  // Two windows, carrying state, so the split of the carried state is exercised too.
  for (int window = 0; window < 2; ++window) {
    const double l1 = single.forwardBackward(params, g1), l2 = parallel.forwardBackward(params, g2);
    QVERIFY(std::fabs(l1 - l2) <= 1e-12);
    QVERIFY((g1.flat() - g2.flat()).cwiseAbs().maxCoeff() <= 1e-12);
    single.carryState();
    parallel.carryState();
  }
  QVERIFY(g1.flat().cwiseAbs().maxCoeff() > 1e-3);
}

void TestBatchRunner::sameThreadsSameBits() {
  const ModelConfig config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 16);
  const Parameters<float> params = test::randomParameters<float>(config, 2);
  const Window w = randomWindow(8 * 6, config.vocabSize, 4);
  Parameters<float> first(config), second(config);
  for (Parameters<float> *grads : {&first, &second}) {
    BatchRunner<float> runner(config, 8, 6, 2);
    runner.setTokens(w.tokens);
    runner.setTargetTokens(w.targets);
    runner.forwardBackward(params, *grads);
    runner.carryState();
    runner.forwardBackward(params, *grads);
  }
  QVERIFY(first.flat() == second.flat());
}

void TestBatchRunner::carriedStateEqualsOneLongWindow() {
  const ModelConfig config = test::smallConfig(InputKind::Dense, HeadKind::Regression, 2, 6);
  const Parameters<double> params = test::randomParameters<double>(config, 3, 2.0);
  const int T = 4, B = 3;
  SequenceWorkspace<double> longWindow(config, 2 * T, B);
  test::fillRandomWindow(longWindow, 8, true);
  const double longLoss = forwardPass(params, longWindow);

  BatchRunner<double> runner(config, T, B, 2);
  for (int b = 0; b < B; ++b)
    for (int layer = 0; layer < config.numLayers; ++layer)
      runner.setState(layer, b, longWindow.initialHidden(layer).col(b), longWindow.initialCell(layer).col(b));
  double summed = 0.0;
  for (int half = 0; half < 2; ++half) {
    runner.setDenseInput(longWindow.denseInput.middleCols(half * T * B, T * B));
    runner.setTargetValues(longWindow.targetValues.middleCols(half * T * B, T * B));
    summed += runner.forward(params) * lossNormalizer(config, T * B);
    runner.carryState();
  }
  QVERIFY(std::fabs(summed - longLoss) <= 1e-10 * std::fabs(longLoss));
  for (int layer = 0; layer < config.numLayers; ++layer)
    for (int b = 0; b < B; ++b)
      QVERIFY((runner.hiddenState(layer, b) - longWindow.finalHidden(layer).col(b)).cwiseAbs().maxCoeff() <= 1e-12);
}

void TestBatchRunner::noGradientCrossesWindows() {
  // The second window's gradient equals that of a fresh window started from the carried state as a constant.
  const ModelConfig config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 5);
  const Parameters<double> params = test::randomParameters<double>(config, 5, 2.0);
  const int T = 4, B = 2;
  const Window first = randomWindow(T * B, config.vocabSize, 1), second = randomWindow(T * B, config.vocabSize, 2);
  BatchRunner<double> runner(config, T, B, 1);
  Parameters<double> carried(config), fresh(config);
  runner.setTokens(first.tokens);
  runner.setTargetTokens(first.targets);
  runner.forwardBackward(params, carried);
  runner.carryState();
  runner.setTokens(second.tokens);
  runner.setTargetTokens(second.targets);
  runner.forwardBackward(params, carried);

  SequenceWorkspace<double> ws(config, T, B);
  ws.tokens = second.tokens;
  ws.targetTokens = second.targets;
  // The state window 2 started from: the end of window 1, replayed.
  BatchRunner<double> replay(config, T, B, 1);
  replay.setTokens(first.tokens);
  replay.setTargetTokens(first.targets);
  replay.forward(params);
  replay.carryState();
  for (int layer = 0; layer < config.numLayers; ++layer)
    for (int b = 0; b < B; ++b) {
      ws.initialHidden(layer).col(b) = replay.hiddenState(layer, b);
      ws.initialCell(layer).col(b) = replay.cellState(layer, b);
    }
  forwardPass(params, ws);
  backwardPass(params, ws, fresh, 1.0 / lossNormalizer(config, T * B));
  QVERIFY((carried.flat() - fresh.flat()).cwiseAbs().maxCoeff() <= 1e-14);
}

void TestBatchRunner::stateAccessors() {
  const ModelConfig config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 3);
  BatchRunner<float> runner(config, 2, 4, 2);
  Vector<float> h(3), c(3);
  h << 1, 2, 3;
  c << -1, -2, -3;
  runner.setState(1, 3, h, c);
  QCOMPARE(runner.hiddenState(1, 3), h);
  QCOMPARE(runner.cellState(1, 3), c);
  QVERIFY(runner.hiddenState(1, 2).isZero());
  runner.resetState();
  QVERIFY(runner.hiddenState(1, 3).isZero());
  QVERIFY(runner.cellState(1, 3).isZero());
}

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "tst_batch_runner.moc"

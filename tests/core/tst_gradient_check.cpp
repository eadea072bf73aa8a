// Finite-difference check of every parameter's gradient, in double, for every input kind, head, depth and a
// non-zero initial state.
#include "model/sequence_pass.h"
#include "test_models.h"

#include <QTest>

using namespace lstm;

class TestGradientCheck : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void everyParameter_data();
  void everyParameter();
};

void TestGradientCheck::everyParameter_data() {
  QTest::addColumn<int>("input");
  QTest::addColumn<int>("head");
  QTest::addColumn<int>("layers");
  QTest::addColumn<bool>("initialState");
  const struct {
    const char *name;
    InputKind input;
    HeadKind head;
    int layers;
    bool initialState;
  } rows[] = {
      {"onehot softmax L1", InputKind::OneHot, HeadKind::Softmax, 1, false},
      {"onehot softmax L3", InputKind::OneHot, HeadKind::Softmax, 3, false},
      {"onehot softmax L3 carried state", InputKind::OneHot, HeadKind::Softmax, 3, true},
      {"embedding softmax L1", InputKind::Embedding, HeadKind::Softmax, 1, false},
      {"embedding softmax L3 carried state", InputKind::Embedding, HeadKind::Softmax, 3, true},
      {"onehot regression L1", InputKind::OneHot, HeadKind::Regression, 1, true},
      {"embedding regression L3", InputKind::Embedding, HeadKind::Regression, 3, false},
      {"dense regression L1", InputKind::Dense, HeadKind::Regression, 1, false},
      {"dense regression L3 carried state", InputKind::Dense, HeadKind::Regression, 3, true},
      {"dense softmax L3", InputKind::Dense, HeadKind::Softmax, 3, true},
  };
  for (const auto &r : rows)
    QTest::newRow(r.name) << int(r.input) << int(r.head) << r.layers << r.initialState;
}

void TestGradientCheck::everyParameter() {
  QFETCH(int, input);
  QFETCH(int, head);
  QFETCH(int, layers);
  QFETCH(bool, initialState);
  const ModelConfig config = test::smallConfig(InputKind(input), HeadKind(head), layers);
  QVERIFY(config.validate().empty());
  Parameters<double> params = test::randomParameters<double>(config, 7, 3.0);
  const int steps = 5, batch = 3;
  SequenceWorkspace<double> ws(config, steps, batch);
  test::fillRandomWindow(ws, 11, initialState);
  const double normalizer = lossNormalizer(config, steps * batch);

  Parameters<double> grads(config);
  const double loss = forwardPass(params, ws) / normalizer;
  QVERIFY(std::isfinite(loss));
  backwardPass(params, ws, grads, 1.0 / normalizer);

  // Sixth-order central difference: truncation O(h⁶) and rounding ≈ 2·ε·loss/h ≈ 5e-13, so gradients down to
  // ~1e-6 are resolved to better than the 1e-6 relative tolerance.
  const double h = 2e-3;
  auto lossAt = [&](std::int64_t index, double delta) {
    const double saved = params.flat()(index);
    params.flat()(index) = saved + delta;
    const double value = forwardPass(params, ws) / normalizer;
    params.flat()(index) = saved;
    return value;
  };
  double worst = 0.0;
  std::string worstName;
  for (const ParameterBlock &block : params.layout().blocks()) {
    for (std::int64_t k = 0; k < block.size(); ++k) {
      const std::int64_t index = block.offset + k;
      const double numeric = (lossAt(index, 3 * h) - 9 * lossAt(index, 2 * h) + 45 * lossAt(index, h) -
                              45 * lossAt(index, -h) + 9 * lossAt(index, -2 * h) - lossAt(index, -3 * h)) / (60 * h);
      const double analytic = grads.flat()(index);
      // Relative error; gradients below 1e-6 are compared at 1e-12 absolute (they are rounding-level).
      const double relative = std::fabs(analytic - numeric) / std::max({std::fabs(analytic), std::fabs(numeric), 1e-6});
      if (relative > worst) {
        worst = relative;
        worstName = block.name + "[" + std::to_string(k) + "]";
      }
    }
  }
  qInfo("loss %.6f, %lld parameters, max relative error %.3g at %s", loss, qlonglong(params.size()), worst,
        worstName.c_str());
  QVERIFY2(worst <= 1e-6, qPrintable(QStringLiteral("max relative error %1 at %2").arg(worst).arg(QString::fromStdString(worstName))));
  // The check must have something to check: gradients are not all zero.
  QVERIFY(grads.flat().cwiseAbs().maxCoeff() > 1e-3);
}

QTEST_GUILESS_MAIN(TestGradientCheck)
#include "tst_gradient_check.moc"

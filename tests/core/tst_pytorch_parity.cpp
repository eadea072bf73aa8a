// Forward values, loss, gradients and one Adam step against PyTorch 1.13 float32 runs of the same weights
// (tests/fixtures/pytorch_*.json, written by tools/make_pytorch_fixtures.py).
#include "fixture_loader.h"
#include "english_problem.h"
#include "model/optimizer.h"
#include "model/sequence_pass.h"

#include <cmath>

using namespace lstm;
using lstm::test::english;

class TestPytorchParity : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void fixture_data();
  void fixture();
};

void TestPytorchParity::fixture_data() {
  QTest::addColumn<QString>("file");
  for (const char *name : {"onehot_l1", "embedding_l2", "onehot_l2_poem", "embedding_l3"})
    QTest::newRow(name) << QStringLiteral("pytorch_%1.json").arg(QLatin1String(name));
}

void TestPytorchParity::fixture() {
  QFETCH(QString, file);
  const QJsonObject fx = test::readJsonFixture(file);
  const QJsonObject interchange = fx[QStringLiteral("interchange")].toObject();
  Problem problem;
  const auto model = parsePytorchInterchange(QJsonDocument(interchange).toJson(), &problem);
  QVERIFY2(model, qPrintable(english(problem)));
  const ModelConfig &config = model->config;
  const int T = fx[QStringLiteral("steps")].toInt(), B = fx[QStringLiteral("batch")].toInt();
  const int H = config.hiddenSize, L = config.numLayers, V = config.vocabSize;

  SequenceWorkspace<float> ws(config, T, B);
  const auto tokens = test::flatten(fx[QStringLiteral("tokens")]); // [T][B] → t·B + b, our column order
  const auto targets = test::flatten(fx[QStringLiteral("targets")]);
  for (int n = 0; n < T * B; ++n) {
    ws.tokens[std::size_t(n)] = std::int32_t(tokens[std::size_t(n)]);
    ws.targetTokens[std::size_t(n)] = std::int32_t(targets[std::size_t(n)]);
  }
  const auto h0 = test::flatten(fx[QStringLiteral("h0")]), c0 = test::flatten(fx[QStringLiteral("c0")]); // [L][B][H]
  for (int l = 0; l < L; ++l)
    for (int b = 0; b < B; ++b)
      for (int j = 0; j < H; ++j) {
        ws.initialHidden(l)(j, b) = float(h0[std::size_t((l * B + b) * H + j)]);
        ws.initialCell(l)(j, b) = float(c0[std::size_t((l * B + b) * H + j)]);
      }

  const double loss = forwardPass(model->parameters, ws) / lossNormalizer(config, T * B);

  // Forward: every gate, c and h of every layer and step, then logits and loss, within 1e-5 absolute.
  const QJsonObject trace = fx[QStringLiteral("trace")].toObject();
  double worstForward = 0.0;
  const char *quantities[] = {"i", "f", "g", "o", "c", "h"};
  for (int q = 0; q < 6; ++q) {
    const auto expected = test::flatten(trace[QLatin1String(quantities[q])]); // [T][L][B][H]
    for (int t = 0; t < T; ++t)
      for (int l = 0; l < L; ++l)
        for (int b = 0; b < B; ++b)
          for (int j = 0; j < H; ++j) {
            const auto &buf = ws.layers[std::size_t(l)];
            const int column = t * B + b;
            const float ours = q < 4 ? buf.gates(q * H + j, column)
                                     : (q == 4 ? buf.cells(j, column + B) : buf.hidden(j, column + B));
            const double theirs = expected[std::size_t(((t * L + l) * B + b) * H + j)];
            worstForward = std::max(worstForward, std::fabs(ours - theirs));
          }
  }
  const auto logits = test::flatten(fx[QStringLiteral("logits")]); // [T][B][V]
  for (int n = 0; n < T * B; ++n)
    for (int v = 0; v < V; ++v)
      worstForward = std::max(worstForward, std::fabs(ws.output(v, n) - logits[std::size_t(n * V + v)]));
  const auto finalH = test::flatten(fx[QStringLiteral("final_h")]);
  for (int l = 0; l < L; ++l)
    for (int b = 0; b < B; ++b)
      for (int j = 0; j < H; ++j)
        worstForward = std::max(worstForward, std::fabs(ws.finalHidden(l)(j, b) - finalH[std::size_t((l * B + b) * H + j)]));
  const double lossError = std::fabs(loss - fx[QStringLiteral("loss")].toDouble());
  qInfo("max forward difference %.3g, loss difference %.3g", worstForward, lossError);
  QVERIFY2(worstForward <= 1e-5, qPrintable(QString::number(worstForward)));
  QVERIFY2(lossError <= 1e-5, qPrintable(QString::number(lossError)));

  // Gradients: every element within 1e-4 relative. Elements below 1 % of their tensor's largest are measured
  // against that floor: they come from cancelling sums whose float32 rounding scales with the tensor, not the
  // element (against a double run, both engines' errors are 0.3–9e-7 of the tensor's largest value).
  Parameters<float> grads(config);
  backwardPass(model->parameters, ws, grads, float(1.0 / lossNormalizer(config, T * B)));
  const Parameters<float> expectedGrads = test::tensorsAsParameters(fx[QStringLiteral("grads")].toObject(), interchange);
  const auto &blocks = grads.layout().blocks();
  double worstGradient = 0.0;
  for (int index = 0; index < int(blocks.size()); ++index) {
    const auto ours = std::as_const(grads).block(index);
    const auto theirs = expectedGrads.block(index);
    const double floor = std::max(1e-2 * double(theirs.cwiseAbs().maxCoeff()), 1e-12);
    const double relative =
        ((ours - theirs).cwiseAbs().array() / theirs.cwiseAbs().array().max(float(floor))).maxCoeff();
    worstGradient = std::max(worstGradient, relative);
    QVERIFY2(relative <= 1e-4, qPrintable(QStringLiteral("%1: relative error %2")
                                              .arg(QString::fromStdString(blocks[std::size_t(index)].name))
                                              .arg(relative)));
  }
  qInfo("max gradient relative difference %.3g", worstGradient);

  // One Adam step (torch.optim.Adam defaults but lr) applied to PyTorch's own gradients: the update rule alone.
  const QJsonObject adam = fx[QStringLiteral("adam_step")].toObject();
  OptimizerSettings settings;
  settings.kind = OptimizerKind::Adam;
  settings.learningRate = adam[QStringLiteral("lr")].toDouble();
  Optimizer<float> optimizer(settings, model->parameters.size());
  Parameters<float> params = model->parameters;
  optimizer.step(params, expectedGrads);
  const Parameters<float> after =
      test::tensorsAsParameters(adam[QStringLiteral("state_dict_after")].toObject(), interchange);
  const double adamError = (params.flat() - after.flat()).cwiseAbs().maxCoeff();
  qInfo("Adam step max difference %.3g", adamError);
  QVERIFY(adamError <= 1e-6);
}

QTEST_GUILESS_MAIN(TestPytorchParity)
#include "tst_pytorch_parity.moc"

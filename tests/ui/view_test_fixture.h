#pragma once
// The setup the explorer view tests share: a session over a random character model (ui_test_models.h) with a
// text on its tape and optional interventions, a view of that session sized and shown, and the text read up to
// a step the way the UI reads it (runTo, in slices from the event loop). A test class derives from the fixture
// (after QObject), calls open() at the start of a test and close() in its cleanup() slot.
#include "explorer/explorer_session.h"
#include "ui_test_models.h"

#include <QSize>
#include <QString>
#include <QTest>

#include <memory>
#include <vector>

namespace lstm::test {

struct ViewSetup {
  QString alphabet = kTestAlphabet; // the model's vocabulary
  int units = 16;                   // per layer
  int layers = 1;
  QString text;                     // on the tape before anything is read
  int steps = 0;                    // read before the test goes on
  std::vector<Intervention> interventions = {}; // active from the first step
  QSize size{520, 260};             // of the view
  bool show = true;                 // shown (and exposed) before the text is read
  int readTimeoutMs = 5000;         // long texts read in slices can take minutes in a debug build
};

// A session alone, for tests that build their views themselves.
class SessionFixture {
protected:
  std::unique_ptr<ExplorerSession> m_session;

  // Callers check QTest::currentTestFailed() after it.
  void openSession(const ViewSetup &setup) {
    m_session = std::make_unique<ExplorerSession>();
    m_session->setModel(randomCharModel(setup.alphabet, setup.units, setup.layers), QStringLiteral("test"));
    QString error;
    QVERIFY2(m_session->setText(setup.text, &error), qPrintable(error));
    for (const Intervention &intervention : setup.interventions)
      QVERIFY2(m_session->addIntervention(intervention, &error), qPrintable(error));
  }

  // Reads the tape up to `steps`, as the UI does; nothing for 0. Callers check QTest::currentTestFailed().
  void readTo(int steps, int timeoutMs = 5000) {
    if (steps == 0)
      return;
    QVERIFY(m_session->runTo(steps));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->steps(), steps, timeoutMs);
  }

  void open(const ViewSetup &setup) {
    openSession(setup);
    if (!QTest::currentTestFailed())
      readTo(setup.steps, setup.readTimeoutMs);
  }

  void close() { m_session.reset(); }
};

// A session and one view of it. View: a widget built from an ExplorerSession * that has refreshNow().
template <class View>
class ViewFixture : public SessionFixture {
protected:
  std::unique_ptr<View> m_view;

  // The session, then the view (sized, and shown unless setup.show is false), then the text read to
  // setup.steps and the view refreshed. Callers check QTest::currentTestFailed() after it.
  void open(const ViewSetup &setup) {
    openSession(setup);
    if (QTest::currentTestFailed())
      return;
    m_view = std::make_unique<View>(m_session.get());
    m_view->resize(setup.size);
    if (setup.show) {
      m_view->show();
      QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    readTo(setup.steps, setup.readTimeoutMs);
    if (!QTest::currentTestFailed())
      m_view->refreshNow();
  }

  void close() {
    m_view.reset(); // before the session it shows
    m_session.reset();
  }
};

} // namespace lstm::test

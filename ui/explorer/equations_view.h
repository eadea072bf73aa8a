#pragma once
// The LSTM equations of the selected unit at the cursor step, with every number substituted (4 decimals) so a
// student can check each line by hand; interventions appear where they replace a value. Read-only rich text,
// selectable and copyable. GUI thread.
#include "step_values.h"

#include <QWidget>

class QTextBrowser;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;

class EquationsView : public QWidget {
  Q_OBJECT
public:
  explicit EquationsView(ExplorerSession *session, QWidget *parent = nullptr);
  ~EquationsView() override;

  // The shown text with subscripts written as "_t", "_{t−1}" (what the tests and a plain copy see).
  QString plainText() const { return m_plainText; }
  StepValues shownValues() const { return m_values; } // the values the text was built from
  long long refreshCount() const;                     // coalesced refreshes run so far
  void refreshNow();                                  // runs a pending refresh immediately (tests, exports)

protected:
  void changeEvent(QEvent *event) override;

private:
  void refresh();
  QString buildHtml() const;

  ExplorerSession *m_session;
  RefreshCoalescer *m_coalescer;
  QTextBrowser *m_browser;
  StepValues m_values;
  QString m_html, m_plainText;
  double m_readablePoints = 11.0; // the text's size outside presentation
};

} // namespace lstm

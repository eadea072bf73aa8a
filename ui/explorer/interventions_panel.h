#pragma once
// Interventions on the selected unit: clamp a gate, zero h or c, set c — added with one click, listed, removable.
// The session re-runs the steps from the inspected one on (that step included), so the views and the text show
// the effect at once. Every action ends with a sentence saying where it acted (at the end of the text: from the
// next character read or written on); while recorded steps ran with other interventions, a button offers to
// re-read the text from its start with the active ones.
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace lstm {

class ExplorerSession;

class InterventionsPanel : public QWidget {
  Q_OBJECT
public:
  explicit InterventionsPanel(ExplorerSession *session, QWidget *parent = nullptr);

  // Adds the intervention the controls describe, for the session's selected layer and unit. False when refused
  // (the reason goes to the session's message signal).
  bool addFromControls();
  // The sentence the last action left (what it changed, or why it changed nothing).
  QString statusText() const;

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void syncList();
  void syncControls();
  void syncReread();
  void removeSelected();
  void clearAll();
  void reread();
  void report(const QString &done); // `done` and where it acted, in the status line and the status bar
  QString whereItActed() const;

  ExplorerSession *m_session;
  QComboBox *m_kind;
  QDoubleSpinBox *m_value;
  QPushButton *m_add, *m_remove, *m_clear, *m_reread;
  QListWidget *m_list;
  QLabel *m_kindLabel, *m_valueLabel, *m_hint, *m_status;
};

} // namespace lstm

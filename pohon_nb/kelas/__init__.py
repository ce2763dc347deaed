"""A class with nothing to install: the training modules served from the trainer's laptop.

``pohon-nb kelas`` runs every training module once on the trainer's laptop (papermill, as the
batch runs the assessment notebooks) and serves what it showed, narrative, tables and figures
with no code, as web pages to any browser on the room's network. Each exercise is a plain HTML
form; the answer is checked on the laptop by the same :class:`~pohon_nb.nb.training.Exercise`
the notebooks use, so a participant's browser only sends an answer and receives its feedback:
there is no kernel behind a page and nothing a browser sends is run as code.

- :mod:`.modules` turns an executed training notebook into a page's parts;
- :mod:`.store` keeps the participants and every answer in SQLite, committed answer by answer;
- :mod:`.server` is the web application (tornado, which JupyterLab already installs): joining
  with the class code, the modules, the answers, the trainer's live view;
- :mod:`.address` finds the laptop's address on the room's network and draws the QR code.
"""

"""Write: make the output folder hold exactly the rendered files, touching nothing else."""

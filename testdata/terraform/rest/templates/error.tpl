{"code": ${code}, "message": "$input.path('$.errorMessage')"}
